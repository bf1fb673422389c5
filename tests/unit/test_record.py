"""``suxun_tui.record`` makes the classes ``dataclasses`` would make: checked class by class.

Each module that defines its values with ``record.dataclass`` is loaded a second time
from its own source with the real ``dataclasses`` in ``record``'s place; every class of
the two copies must then agree on signature, defaults, ``repr``, equality, hash,
frozen-ness, pickling and on what ``dataclasses.replace``, ``fields`` and ``asdict`` make
of them.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import pickle
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from suxun_tui import record

MODULES = (
    "suxun_tui.models",
    "suxun_tui.config.model",
    "suxun_tui.store.connection",
    "suxun_tui.store.articles",
    "suxun_tui.store.queue",
    "suxun_tui.store.remote",
    "suxun_tui.store.recovery",
    "suxun_tui.store.query_sql",
    "suxun_tui.refresh.engine",
    "suxun_tui.net.wire",
    "suxun_tui.sync.client",
    "suxun_tui.sync.engine",
    "suxun_tui.sync.secrets",
)


def made_by_dataclasses(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The module ``name`` loaded again from its source, ``dataclasses`` making its classes."""
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    twin = ModuleType(f"{name}_by_dataclasses")
    twin.__file__ = spec.origin
    monkeypatch.setitem(sys.modules, twin.__name__, twin)  # dataclasses look their module up
    monkeypatch.setitem(sys.modules, "suxun_tui.record", dataclasses)
    with open(spec.origin, encoding="utf-8") as source:
        exec(compile(source.read(), spec.origin, "exec"), twin.__dict__)  # noqa: S102
    return twin


def record_classes(module: ModuleType) -> list[type]:
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and value.__module__ == module.__name__
        and "__dataclass_fields__" in value.__dict__
    ]


def sample_arguments(cls: type) -> list[str]:
    """A distinct value for each field without a default (the types do not matter here)."""
    required = [p for p in inspect.signature(cls).parameters.values() if p.default is p.empty]
    return [f"value {i}" for i, _ in enumerate(required)]


def field_facts(cls: type) -> list[tuple[Any, ...]]:
    return [
        (
            f.name,
            f.type,
            f.default,
            getattr(f.default_factory, "__qualname__", f.default_factory),
            f.init,
            f.repr,
            f.hash,
            f.compare,
            f.kw_only,
        )
        for f in dataclasses.fields(cls)
    ]


@pytest.mark.parametrize("name", MODULES)
def test_each_class_is_the_one_dataclasses_makes(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours = importlib.import_module(name)
    twin = made_by_dataclasses(name, monkeypatch)
    classes = record_classes(ours)
    assert classes, name
    for cls in classes:
        real = getattr(twin, cls.__name__)
        assert str(inspect.signature(cls)) == str(inspect.signature(real)), cls
        assert cls.__match_args__ == real.__match_args__  # type: ignore[attr-defined]
        assert cls.__doc__ == real.__doc__
        assert field_facts(cls) == field_facts(real)
        assert repr(cls.__dataclass_params__) == repr(real.__dataclass_params__)  # type: ignore[attr-defined]
        for field in dataclasses.fields(real):  # class attributes: the plain defaults only
            assert (field.name in vars(cls)) == (field.name in vars(real)), (cls, field.name)
            if field.name in vars(real):
                assert vars(cls)[field.name] == vars(real)[field.name]
        assert (cls.__hash__ is None) == (real.__hash__ is None), cls
        same_instances(cls, real)


def same_instances(cls: type, real: type) -> None:
    arguments = sample_arguments(cls)
    made, twin = cls(*arguments), real(*arguments)
    assert repr(made) == repr(twin)
    assert repr(vars(made)) == repr(vars(twin))
    assert made == cls(*arguments) and made != twin  # equal to its own kind only
    first = dataclasses.fields(cls)[0].name
    changed = dataclasses.replace(made, **{first: "changed"})
    assert type(changed) is cls and getattr(changed, first) == "changed"
    assert changed != made
    assert record.replace(made, **{first: "changed"}) == changed
    assert repr(dataclasses.replace(twin, **{first: "changed"})) == repr(changed)
    assert repr(dataclasses.asdict(made)) == repr(dataclasses.asdict(twin))
    assert pickle.loads(pickle.dumps(made)) == made
    if real.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        for target in (made, twin):
            with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
                setattr(target, first, "other")
            with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
                target.not_a_field = 1  # type: ignore[attr-defined]
            with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete"):
                delattr(target, first)
        try:
            expected: object = hash(twin)
        except TypeError as exc:  # a dict among the fields: neither can be hashed
            expected = type(exc)
            with pytest.raises(TypeError):
                hash(made)
        else:
            assert hash(made) == expected
    else:
        setattr(made, first, "other")
        assert getattr(made, first) == "other"


def test_what_records_do_not_cover_is_left_to_dataclasses() -> None:
    @record.dataclass(frozen=True, order=True)
    class Ordered:
        """Ordered: an option records leave alone."""

        a: int

    assert Ordered(1) < Ordered(2)  # type: ignore[operator]

    @record.dataclass
    class NoDefaults:  # no docstring: dataclasses writes one from the signature
        a: int
        b: str = "x"

    assert NoDefaults.__doc__ == "NoDefaults(a: 'int', b: 'str' = 'x')"
    with pytest.raises(ValueError, match="mutable default"):

        @record.dataclass
        class Mutable:
            """A list as a default: dataclasses refuses it."""

            items: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError, match="non-default argument"):

        @record.dataclass
        class Misordered:
            """A field without a default after one with."""

            a: int = 0
            b: int  # type: ignore[misc]


def test_a_factory_makes_a_new_value_for_each_instance() -> None:
    @record.dataclass(frozen=True)
    class Holder:
        """Holds a dict."""

        extra: dict[str, str] = record.field(default_factory=dict)
        secret: str = record.field(default="", repr=False)

    one, two = Holder(), Holder()
    assert one.extra == {} and one.extra is not two.extra
    assert repr(Holder(secret="s")).endswith(".Holder(extra={})")  # as dataclasses: qualname
    assert "extra" not in vars(Holder) and vars(Holder)["secret"] == ""


def test_defining_the_values_does_not_import_dataclasses() -> None:
    code = (
        "import sys\n"
        "import suxun_tui.models, suxun_tui.config.model\n"
        "print('dataclasses' in sys.modules, 'inspect' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_init_is_compiled_when_the_class_is_first_made() -> None:
    @record.dataclass(frozen=True)
    class Later:
        """Made only below."""

        a: int
        b: str = "x"

    assert not inspect.isfunction(vars(Later)["__init__"])  # not compiled yet
    assert Later(1).b == "x" and Later(1, b="y") == Later(a=1, b="y")
    assert inspect.isfunction(vars(Later)["__init__"])
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'a'"):
        Later()  # type: ignore[call-arg]


def test_a_mutable_default_through_field_is_refused_as_dataclasses_does() -> None:
    with pytest.raises(ValueError, match="mutable default"):

        @record.dataclass(frozen=True)
        class Mutable:
            """A list as a field's default."""

            items: list[int] = record.field(default=[])  # noqa: RUF009


def test_replace_on_a_subclass_keeps_its_own_fields() -> None:
    @record.dataclass(frozen=True)
    class Base:
        """A record."""

        a: int

    @record.dataclass(frozen=True)
    class Child(Base):  # a base class: dataclasses makes it
        """A subclass with a field of its own."""

        b: int = 0

    assert record.replace(Child(1, 2), a=3) == Child(3, 2)
    assert dataclasses.replace(Child(1, 2), a=3) == Child(3, 2)

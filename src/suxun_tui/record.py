"""Dataclasses without their start-up cost: the same classes, made in a tenth of the time.

Every command defines the value classes of ``models`` and ``config`` (and the store's) when
it starts. ``dataclasses.dataclass`` spends about a millisecond on each: it compiles six
methods apiece and inspects every annotation, and ``import dataclasses`` loads ``inspect``
with it (``ast``, ``dis``, ``tokenize``: several milliseconds more). Twenty classes made
that a fifth of a ``refresh``'s start.

:func:`dataclass` here makes the class ``dataclasses`` would make: the same ``__init__``
(generated, with the same signature and defaults), the same equality, hash, ``repr`` and
frozen-ness, the same class attributes and ``__match_args__``. Only ``__init__`` is
compiled, and only when the class is first made; the other methods are shared. What the
``dataclasses`` module keeps about a class (``__dataclass_fields__``, which
``dataclasses.replace``, ``fields``, ``asdict`` and ``is_dataclass`` read) is made by
``dataclasses`` itself, from a twin of the class, the first time anyone asks for it: so
those functions work unchanged, and their callers pay for them. A class this module does
not cover (a base class, ``ClassVar``, options other than ``frozen``, its own ``__eq__``,
no docstring, …) is handed to ``dataclasses`` whole.

Modules import these names at run time only; type checkers see ``dataclasses``'::

    if TYPE_CHECKING:
        from dataclasses import dataclass, field
    else:
        from suxun_tui.record import dataclass, field
"""

from __future__ import annotations

from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")

# Methods dataclasses writes, and hooks it calls: a class defining one is left to it.
_ITS_OWN = frozenset(
    {"__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"}
    | {"__match_args__", "__post_init__", "__slots__", "__dataclass_fields__"}
)
_UNCOVERED_TYPES = ("ClassVar", "InitVar", "KW_ONLY")


class _Missing:
    __slots__ = ()


_MISSING: Any = _Missing()


class _Factory:
    """The default shown for a field with a factory, as dataclasses shows it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


class _Field:
    """What :func:`field` returns: a field's default or factory, and whether ``repr``
    shows it."""

    __slots__ = ("default", "default_factory", "repr")

    def __init__(self, default: Any, default_factory: Any, repr: bool) -> None:
        self.default = default
        self.default_factory = default_factory
        self.repr = repr


def field(
    *, default: Any = _MISSING, default_factory: Any = _MISSING, repr: bool = True, **other: Any
) -> Any:
    """``dataclasses.field`` for the options records cover; any other is the real one
    (and its class goes to ``dataclasses``)."""
    if other or (default is not _MISSING and default_factory is not _MISSING):
        import dataclasses

        return dataclasses.field(
            default=dataclasses.MISSING if default is _MISSING else default,
            default_factory=(
                dataclasses.MISSING if default_factory is _MISSING else default_factory
            ),
            repr=repr,
            **other,
        )
    return _Field(default, default_factory, repr)


def dataclass(cls: type[T] | None = None, /, *, frozen: bool = False, **options: Any) -> Any:
    """``dataclasses.dataclass(frozen=...)``, made cheaply (see the module's text)."""

    def wrap(cls: type[T]) -> type[T]:
        if options or not _covered(cls):
            return _by_dataclasses(cls, frozen, options)
        return _make(cls, frozen)

    return wrap if cls is None else wrap(cls)


def replace(obj: T, /, **changes: Any) -> T:
    """``dataclasses.replace``: a record's copy without asking for its bookkeeping."""
    # A subclass (which dataclasses made: it has a base) has fields of its own.
    names: tuple[str, ...] | None = type(obj).__dict__.get("__record_fields__")
    if names is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
    for name in names:
        if name not in changes:
            changes[name] = getattr(obj, name)
    return obj.__class__(**changes)


def _covered(cls: type) -> bool:
    namespace = cls.__dict__
    annotations = namespace.get("__annotations__", {})
    if cls.__bases__ != (object,) or type(cls) is not type or not cls.__doc__:
        return False
    if _ITS_OWN & namespace.keys():
        return False
    for name, hint in annotations.items():
        if not isinstance(hint, str) or any(word in hint for word in _UNCOVERED_TYPES):
            return False
        value = namespace.get(name, _MISSING)
        default = value.default if isinstance(value, _Field) else value
        if type(value).__module__ == "dataclasses" or type(default).__hash__ is None:
            return False  # a real Field, or a mutable default dataclasses refuses
    defaults = [_has_default(namespace.get(name, _MISSING)) for name in annotations]
    return defaults == sorted(defaults)  # no field without a default after one with


def _has_default(value: Any) -> bool:
    if isinstance(value, _Field):
        return value.default is not _MISSING or value.default_factory is not _MISSING
    return value is not _MISSING


def _by_dataclasses(cls: type[T], frozen: bool, options: dict[str, Any]) -> type[T]:
    import dataclasses

    for name, value in list(cls.__dict__.items()):
        if isinstance(value, _Field):
            setattr(cls, name, _real_field(value))
    made: type[T] = dataclasses.dataclass(cls, frozen=frozen, **options)
    return made


def _real_field(spec: _Field) -> Any:
    import dataclasses

    return dataclasses.field(
        default=dataclasses.MISSING if spec.default is _MISSING else spec.default,
        default_factory=(
            dataclasses.MISSING if spec.default_factory is _MISSING else spec.default_factory
        ),
        repr=spec.repr,
    )


def _make(cls: type[T], frozen: bool) -> type[T]:
    annotations: dict[str, str] = cls.__dict__.get("__annotations__", {})
    names = tuple(annotations)
    specs = {name: cls.__dict__.get(name, _MISSING) for name in names}
    cls.__record_spec__ = (frozen, specs)  # type: ignore[attr-defined]
    cls.__record_fields__ = names  # type: ignore[attr-defined]
    shown = tuple(n for n in names if not (isinstance(specs[n], _Field) and not specs[n].repr))
    for name, spec in specs.items():
        if isinstance(spec, _Field):
            if spec.default is _MISSING:
                delattr(cls, name)  # as dataclasses leaves it: no class attribute
            else:
                setattr(cls, name, spec.default)
    key = _key(names)
    methods: dict[str, Any] = {
        "__init__": _LazyInit(cls, names, specs, annotations),
        "__repr__": _repr(cls, shown),
        "__eq__": _eq(cls, key),
        "__hash__": _hash(cls, key) if frozen else None,
        "__match_args__": names,
    }
    if frozen:
        methods["__setattr__"] = _frozen_setattr(cls, frozenset(names))
        methods["__delattr__"] = _frozen_delattr(cls, frozenset(names))
    for name, method in methods.items():
        setattr(cls, name, method)
    for name in ("__dataclass_fields__", "__dataclass_params__"):
        setattr(cls, name, _Bookkeeping(name))
    return cls


class _LazyInit:
    """``__init__`` until the class is first made (or its ``__init__`` first looked at): the
    method is compiled then, and takes this one's place. Most classes of a run are never
    made at all (an account's, a rule's, an extracted page's), and compiling is most of
    what defining one costs."""

    __slots__ = ("annotations", "cls", "names", "specs")

    def __init__(
        self, cls: type, names: tuple[str, ...], specs: dict[str, Any], annotations: dict[str, str]
    ) -> None:
        self.cls, self.names, self.specs, self.annotations = cls, names, specs, annotations

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        init = _init(self.cls, self.names, self.specs, self.annotations)
        type.__setattr__(self.cls, "__init__", init)
        return init if obj is None else init.__get__(obj, owner)


def _init(
    cls: type, names: tuple[str, ...], specs: dict[str, Any], annotations: dict[str, str]
) -> Callable[..., None]:
    """The one compiled method: ``__init__`` with the fields as parameters, each stored
    straight into the instance's dict (what ``object.__setattr__`` does for them)."""
    scope: dict[str, Any] = {"__FACTORY": _FACTORY}
    params, body = [], []
    for name in names:
        spec = specs[name]
        if isinstance(spec, _Field) and spec.default_factory is not _MISSING:
            scope[f"__factory_{name}"] = spec.default_factory
            params.append(f"{name}=__FACTORY")
            body.append(f" d[{name!r}] = __factory_{name}() if {name} is __FACTORY else {name}")
            continue
        default = spec.default if isinstance(spec, _Field) else spec
        if default is _MISSING:
            params.append(name)
        else:
            scope[f"__default_{name}"] = default
            params.append(f"{name}=__default_{name}")
        body.append(f" d[{name!r}] = {name}")
    source = f"def __init__(self, {', '.join(params)}):\n d = self.__dict__\n" + "\n".join(
        body or [" pass"]
    )
    exec(source, scope)  # noqa: S102 - our own text, built from the class's field names
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**annotations, "return": None}
    return init


def _key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of field values dataclasses compares and hashes."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        get = attrgetter(names[0])
        return lambda obj: (get(obj),)
    return lambda obj: ()


_running: set[tuple[int, int]] = set()


def _repr(cls: type, shown: tuple[str, ...]) -> Callable[[Any], str]:
    def __repr__(self: Any) -> str:
        key = (id(self), get_ident())
        if key in _running:  # an instance inside itself, as dataclasses shows it
            return "..."
        _running.add(key)
        try:
            values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
            return f"{self.__class__.__qualname__}({values})"
        finally:
            _running.discard(key)

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    return __repr__


def _eq(cls: type, key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    __eq__.__qualname__ = f"{cls.__qualname__}.__eq__"
    return __eq__


def _hash(cls: type, key: Callable[[Any], tuple[Any, ...]]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(key(self))

    __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
    return __hash__


def _frozen_setattr(cls: type[Any], names: frozenset[str]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    __setattr__.__qualname__ = f"{cls.__qualname__}.__setattr__"
    return __setattr__


def _frozen_delattr(cls: type[Any], names: frozenset[str]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            from dataclasses import FrozenInstanceError

            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    __delattr__.__qualname__ = f"{cls.__qualname__}.__delattr__"
    return __delattr__


class _Bookkeeping:
    """``__dataclass_fields__`` and ``__dataclass_params__`` until first asked for: then
    ``dataclasses`` makes them, from a twin of the class, and they replace this."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type) -> Any:
        _settle(owner)
        return owner.__dict__[self.name]


def _settle(cls: type) -> None:
    import dataclasses

    frozen, specs = cls.__dict__["__record_spec__"]
    namespace: dict[str, Any] = {
        "__annotations__": dict(cls.__dict__["__annotations__"]),
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
    }
    for name, spec in specs.items():
        if spec is not _MISSING:
            namespace[name] = _real_field(spec) if isinstance(spec, _Field) else spec
    twin: type = dataclasses.dataclass(type(cls.__name__, (), namespace), frozen=frozen)
    type.__setattr__(cls, "__dataclass_fields__", twin.__dict__["__dataclass_fields__"])
    type.__setattr__(cls, "__dataclass_params__", twin.__dict__["__dataclass_params__"])

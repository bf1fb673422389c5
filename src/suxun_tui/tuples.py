"""``typing.NamedTuple`` without its start-up cost: the same classes, fields left as written.

``typing.NamedTuple`` turns each field's annotation into a ``typing.ForwardRef`` when the
class is made, and with ``from __future__ import annotations`` every annotation is a
string, which ``ForwardRef`` compiles (``compile()``). The first such compile also builds
the interpreter's AST classes, about a hundred of them. The twenty-odd named tuples a
``refresh`` defines at start made that 56 compiles and a thirtieth of a refresh of
unchanged feeds; nothing reads the compiled annotations.

:data:`NamedTuple` here makes the class ``typing.NamedTuple`` makes — a
``collections.namedtuple`` with the same fields, defaults, module, docstring, methods and
properties, the same errors for a field without a default after one with it or a
reserved name — whose ``__annotations__`` hold the strings as written, as any other class
of a module with postponed annotations does (``typing.get_type_hints`` reads both).

Modules import it at run time only; type checkers see ``typing``'s::

    if TYPE_CHECKING:
        from typing import NamedTuple
    else:
        from suxun_tui.tuples import NamedTuple
"""

from __future__ import annotations

from collections import namedtuple
from typing import Any

_namedtuple: Any = namedtuple  # called with computed fields, as typing.NamedTuple does

# As typing.NamedTupleMeta: names a class body may not define, and those not copied.
_PROHIBITED = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
    | {"_make", "_replace", "_asdict", "_source"}
)
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})


class _Maker(type):
    """The metaclass of :data:`NamedTuple`: each class made from it is a namedtuple."""

    def __new__(cls, typename: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if not bases:  # NamedTuple itself
            return super().__new__(cls, typename, bases, ns)
        if bases != (NamedTuple,):
            raise TypeError("can only inherit from a NamedTuple type and Generic")
        types = dict(ns.get("__annotations__", {}))
        default_names: list[str] = []
        for name in types:
            if name in ns:
                default_names.append(name)
            elif default_names:
                raise TypeError(
                    f"Non-default namedtuple field {name} cannot follow default"
                    f" field{'s' if len(default_names) > 1 else ''} {', '.join(default_names)}"
                )
        defaults = [ns[n] for n in default_names]
        made = _namedtuple(typename, list(types), defaults=defaults, module=ns["__module__"])
        made.__annotations__ = made.__new__.__annotations__ = types
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _SPECIAL and key not in made._fields:
                setattr(made, key, value)
        return made


NamedTuple: Any = _Maker("NamedTuple", (), {"__module__": __name__})

__all__ = ["NamedTuple"]

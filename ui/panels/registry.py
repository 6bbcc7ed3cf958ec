"""Panel names (``resources/panels/work-panels.yaml``) to the widget classes that do them."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import QWidget

from ui.panels.base import Panel, PanelContext

log = logging.getLogger(__name__)

# One widget may do several named jobs (the Samsat panel shows the page of the counter's
# stage; the Bapenda panel has NPWPD and payment tabs): a counter gets it once.
PANELS: dict[str, str] = {
    "samsat-check": "ui.panels.samsat:SamsatPanel",
    "samsat-registration": "ui.panels.samsat:SamsatPanel",
    "samsat-payment": "ui.panels.samsat:SamsatPanel",
    "samsat-handover": "ui.panels.samsat:SamsatPanel",
    "npwpd": "ui.panels.bapenda:BapendaPanel",
    "tax-payment": "ui.panels.bapenda:BapendaPanel",
    "perforation": "ui.panels.perforation:PerforationPanel",
    "fiscal": "ui.panels.fiscal:FiscalPanel",
    "casework": "ui.panels.casework:CaseworkPanel",
}


def panel_class(name: str) -> type[Panel] | None:
    target = PANELS.get(name)
    if target is None:
        return None
    module, _, cls = target.partition(":")
    try:
        return getattr(importlib.import_module(module), cls)
    except (ImportError, AttributeError):
        log.exception("work panel %s (%s) is not available", name, target)
        return None


def build_panels(names: list[str] | tuple[str, ...], ctx: PanelContext,
                 parent: QWidget | None = None) -> list[Panel]:
    """The panels of ``names`` that exist, in order; an unknown name is logged and left
    out, so a typo in the office's data never stops a counter from working."""
    out: list[Panel] = []
    for name in names:
        cls = panel_class(name)
        if cls is None:
            log.warning("no work panel named %r", name)
            continue
        if any(type(p) is cls for p in out):
            continue
        panel = cls(ctx, parent)
        panel.setObjectName(f"panel-{name}")
        out.append(panel)
    return out

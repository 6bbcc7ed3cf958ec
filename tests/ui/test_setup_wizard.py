"""The first-run wizard, driven page by page on a temporary LOKET_HOME, against a new SQLite
file, the seed databases (SQLite and PostgreSQL), and PostgreSQL addresses that fail."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy.engine import make_url

from app.config import config_path, resolve_db_url
from app.setup import secrets
from app.setup.configfile import load
from app.setup.detect import Choice
from app.setup.launch import station_argv
from app.store import Store
from ui.setup_wizard import SetupWizard

SHOTS = Path(os.environ.get("LOKET_SHOTS", "/tmp/loket-shots"))


def detector() -> dict[str, list[Choice]]:
    return {"ticket_printer": [Choice("sim://", "Simulator"),
                               Choice("escpos+usb://04b8:0202", "USB 04b8:0202 Epson")],
            "document_printer": [Choice("sim://", "Simulator"),
                                 Choice("card+printer://", "Default printer")],
            "card_printer": [Choice("sim://", "Simulator"),
                             Choice("card+printer://Evolis Primacy", "Evolis Primacy")],
            "perforator": [Choice("sim://", "Simulator"),
                           Choice("perforator+serial:///dev/ttyUSB1", "/dev/ttyUSB1")]}


@pytest.fixture(autouse=True)
def _own_home(home: Path) -> None:
    """Every test here in a LOKET_HOME of its own (tests/conftest.py)."""


@pytest.fixture
def wizard(qtbot, keystore) -> SetupWizard:
    w = SetupWizard(keystore=keystore, detector=detector)
    qtbot.addWidget(w)
    w.show()
    return w


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"setup-{name}.png"))


def choose_role(w: SetupWizard, role: str) -> None:
    w.role_page.role.setCurrentIndex(w.role_page.role.findData(role))
    w.next()
    assert w.currentPage() is w.db_page


def fill_database(w: SetupWizard, url: str, password: str = "") -> None:
    parsed = make_url(url)
    page = w.db_page
    if parsed.get_backend_name() == "sqlite":
        page.sqlite.setChecked(True)
        page.path.setText(parsed.database or "")
    else:
        page.postgres.setChecked(True)
        page.host.setText(parsed.host or "")
        page.port.setValue(parsed.port or 5432)
        page.name.setText(parsed.database or "")
        page.user.setText(parsed.username or "")
        page.password.setText(password or parsed.password or "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_one_pc_new_sqlite_file(wizard: SetupWizard, home: Path) -> None:
    w = wizard
    shot(w, "1-role")
    choose_role(w, "counter")
    target = home / "data" / "loket.sqlite3"
    fill_database(w, f"sqlite:///{target}")
    w.next()  # tested first: a new file has no schema yet, so the wizard stays
    assert w.currentPage() is w.db_page
    assert "Siapkan basis data" in w.db_page.status.text()
    assert w.db_page.upgrade_button.isEnabled() and not target.exists()
    shot(w, "2-database-empty")
    w.db_page.upgrade_button.click()  # loket db upgrade
    assert target.exists() and "Skema terkini" in w.db_page.status.text()
    shot(w, "2-database-ready")
    w.next()
    assert w.currentPage() is w.office_page
    assert "ketik kode kantor" in w.office_page.hint.text()  # no offices in a new database
    assert not w.button(QWizard.WizardButton.NextButton).isEnabled()
    w.office_page.office.setEditText("SAMSAT-PTK1")
    assert not w.button(QWizard.WizardButton.NextButton).isEnabled()  # a counter needs its code
    w.office_page.counter.setEditText("L 1")
    w.next()
    assert w.currentPage() is w.office_page and "L 1" in w.office_page.error.text()
    w.office_page.counter.setEditText("L1")
    w.next()
    assert w.currentPage() is w.devices_page
    assert set(w.devices_page.combos) == {"document_printer", "card_printer", "perforator"}
    w.devices_page.combos["perforator"].setEditText("perforator+serial://")
    assert "missing" in w.devices_page.errors["perforator"].text()
    shot(w, "3-devices-bad")
    w.next()
    assert w.currentPage() is w.devices_page
    w.devices_page.combos["perforator"].setCurrentIndex(2)  # the detected serial port
    w.devices_page.combos["document_printer"].setCurrentIndex(1)  # sim://
    w.next()
    assert w.currentPage() is w.summary_page
    assert str(config_path()) in w.summary_page.summary.text()
    shot(w, "4-summary")
    assert not config_path().exists()  # nothing written before Finish
    w.button(QWizard.WizardButton.FinishButton).click()
    assert w.result() == QWizard.DialogCode.Accepted
    cfg = load()
    assert cfg == w.saved.config
    assert (cfg.role, cfg.office, cfg.counter, cfg.database.path) == (
        "counter", "SAMSAT-PTK1", "L1", str(target))
    assert cfg.devices == {"document_printer": "sim://",
                           "perforator": "perforator+serial:///dev/ttyUSB1"}
    assert station_argv(cfg) == ["station", "counter", "--office", "SAMSAT-PTK1",
                                 "--counter", "L1"]
    assert station_argv(cfg, "display", windowed=True) == [
        "station", "display", "--office", "SAMSAT-PTK1", "--windowed"]
    assert resolve_db_url(None) == f"sqlite:///{target}"


def test_office_database_on_both_backends(wizard: SetupWizard, catalog_db_url: str,
                                          keystore: secrets.MemoryKeyStore) -> None:
    w = wizard
    choose_role(w, "kiosk")
    postgres = catalog_db_url.startswith("postgresql")
    fill_database(w, catalog_db_url, password="kata-sandi" if postgres else "")
    w.db_page.test_button.click()
    assert w.db_page.check is not None and w.db_page.check.usable
    shot(w, f"db-{'pg' if postgres else 'sqlite'}")
    w.next()
    assert w.currentPage() is w.office_page
    offices = [w.office_page.office.itemData(i) for i in range(w.office_page.office.count())]
    assert {"SAMSAT-PTK1", "BPPD-MALANG", "BAPENDA-BATU"} <= set(offices)
    w.office_page.office.setCurrentIndex(offices.index("BPPD-MALANG"))
    assert w.office_page.office_code() == "BPPD-MALANG"
    assert not w.office_page.form.isRowVisible(w.office_page.counter)  # a kiosk has none
    shot(w, "office")
    w.next()
    assert list(w.devices_page.combos) == ["ticket_printer"]
    w.devices_page.combos["ticket_printer"].setEditText("escpos+tcp://192.168.1.50:9100")
    w.next()
    text = w.summary_page.summary.text()
    assert "kata-sandi" not in text
    w.button(QWizard.WizardButton.FinishButton).click()
    cfg = load()
    assert cfg is not None and cfg.office == "BPPD-MALANG" and cfg.role == "kiosk"
    assert cfg.devices == {"ticket_printer": "escpos+tcp://192.168.1.50:9100"}
    written = config_path().read_text()
    if postgres:
        assert cfg.database.kind == "postgresql" and cfg.database.password_store == "keyring"
        assert keystore.items == {cfg.database.account: "kata-sandi"}
        assert "kata-sandi" not in written and "password =" not in written
    else:
        assert cfg.database.kind == "sqlite" and keystore.items == {}
    with Store.open(resolve_db_url(None)) as store:  # the saved answers reach the database
        assert store.schema_state().status == "current"


def test_refused_postgresql_address_shows_the_reason_and_saves_nothing(
        wizard: SetupWizard) -> None:
    w = wizard
    choose_role(w, "display")
    fill_database(w, f"postgresql://loket:x@127.0.0.1:{free_port()}/loket")
    w.next()
    assert w.currentPage() is w.db_page
    status = w.db_page.status.text()
    assert status.startswith("Gagal") and "refused" in status.lower()
    assert ":x@" not in status
    shot(w, "db-refused")
    assert not config_path().exists()
    w.reject()
    assert not config_path().exists() and w.saved is None


def test_postgresql_answers_are_checked_before_connecting(wizard: SetupWizard) -> None:
    w = wizard
    choose_role(w, "display")
    w.db_page.postgres.setChecked(True)
    w.db_page.host.setText("")
    w.next()
    assert w.currentPage() is w.db_page
    assert "database.host" in w.db_page.status.text()
    w.db_page.host.setText("127.0.0.1")  # never tried: the empty user is refused first
    w.db_page.user.setText("")
    w.db_page.test_button.click()
    assert "database.user" in w.db_page.status.text()
    assert not config_path().exists()


def test_missing_database_on_the_test_server_is_refused(wizard: SetupWizard,
                                                       pg_admin_url: str) -> None:
    w = wizard
    choose_role(w, "supervisor")
    admin = make_url(pg_admin_url)
    fill_database(w, admin.set(database="tidak_ada_db").render_as_string(hide_password=False))
    w.next()
    assert w.currentPage() is w.db_page
    assert "tidak_ada_db" in w.db_page.status.text()
    assert "does not exist" in w.db_page.status.text()
    assert not config_path().exists()


def test_changing_an_answer_forgets_the_test(wizard: SetupWizard, catalog_db_url: str) -> None:
    w = wizard
    choose_role(w, "display")
    fill_database(w, catalog_db_url)
    w.db_page.test_button.click()
    assert w.db_page.check is not None
    page = w.db_page
    (page.postgres if page.sqlite.isChecked() else page.sqlite).setChecked(True)
    assert page.check is None and page.status.text() == "Belum diuji."
    fill_database(w, catalog_db_url)
    page.test_button.click()
    assert page.check is not None
    (page.path if page.sqlite.isChecked() else page.name).setText("lain")
    assert page.check is None and not page.upgrade_button.isEnabled()


def test_saving_refused_keeps_the_wizard_open(wizard: SetupWizard, home: Path,
                                              catalog_db_url: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    w = wizard
    choose_role(w, "survey")
    fill_database(w, catalog_db_url)
    w.next()
    w.office_page.office.setEditText("SAMSAT-PTK1")
    w.next()
    w.next()
    assert w.currentPage() is w.summary_page
    blocker = home / "blocked"
    blocker.write_text("a file where a folder should be")
    w.path = blocker / "loket.toml"
    w.button(QWizard.WizardButton.FinishButton).click()
    assert w.saved is None and w.isVisible()
    assert str(blocker) in w.summary_page.error.text()


def test_loket_station_without_a_kind_runs_the_configured_role(
        qtbot, home: Path, catalog_db_url: str, capsys) -> None:
    from app.cli import main

    url = make_url(catalog_db_url).render_as_string(hide_password=False)
    assert main(["config", "init", "--role", "display", "--office", "SAMSAT-PTK1",
                 "--db", url]) == 0
    # a real process: a station runs Qt's own event loop and quits the application, which
    # must not happen inside the test session's application
    env = dict(os.environ, LOKET_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "app", "station", "--windowed",
                           "--quit-after", "0.5"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "loket:" not in done.stderr


def test_the_loket_station_program_starts_the_configured_role(
        home: Path, catalog_db_url: str) -> None:
    """The Start-menu program (app/cli/launcher.py) on a PC already set up opens no wizard:
    it starts the station the configuration names; an unknown shortcut is refused."""
    from app.cli import main

    url = make_url(catalog_db_url).render_as_string(hide_password=False)
    assert main(["config", "init", "--role", "display", "--office", "SAMSAT-PTK1",
                 "--db", url]) == 0
    env = dict(os.environ, LOKET_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    program = [sys.executable, "-m", "app.cli.launcher"]
    done = subprocess.run([*program, "--windowed", "--quit-after", "0.5"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "loket-station:" not in done.stderr
    refused = subprocess.run([*program, "teller", "--quit-after", "0.5"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2
    said = [line for line in refused.stderr.splitlines() if line.startswith("loket-station:")]
    assert len(said) == 1 and "teller" in said[0]  # one line (Qt's own notes aside)


@pytest.mark.parametrize(("role", "user"), [
    ("kiosk", "loket_kiosk"), ("display", "loket_display"), ("counter", "loket_station"),
    ("survey", "loket_station"), ("supervisor", "loket_station")])
def test_the_postgresql_user_is_the_role_of_the_pc(wizard: SetupWizard, qtbot, role: str,
                                                   user: str) -> None:
    """The wizard proposes the least-privilege role `loket db roles` made for this kind of
    PC, follows the database's name, and keeps a name the officer typed."""
    w = wizard
    choose_role(w, role)
    w.db_page.postgres.setChecked(True)
    assert w.db_page.user.text() == user
    w.db_page.name.clear()
    qtbot.keyClicks(w.db_page.name, "kantor_batu")
    assert w.db_page.user.text() == user.replace("loket", "kantor_batu")
    w.db_page.user.clear()
    qtbot.keyClicks(w.db_page.user, "loket")
    w.back()
    choose_role(w, "display" if role != "display" else "kiosk")
    assert w.db_page.user.text() == "loket"
    assert w.db_page.config().user == "loket"

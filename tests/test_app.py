"""The app factory: configuration order, secrets, database URLs, template location."""
from pathlib import Path

from huisvanhetkind import config, create_app, templates_dir


def test_defaults_then_test_config(app):
    assert app.config["TESTING"] is True
    assert app.config["BOOTSTRAP_SERVE_LOCAL"] is True
    assert app.config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024


def test_database_url_defaults_to_sqlite_in_instance(tmp_path):
    url = config.database_url(None, str(tmp_path))
    assert url == f"sqlite:///{tmp_path}/huisvanhetkind.db"


def test_postgres_urls_use_psycopg3():
    assert config.database_url("postgres://u:p@h/db", "/x") == "postgresql+psycopg://u:p@h/db"
    assert config.database_url("postgresql://u@h/db", "/x") == "postgresql+psycopg://u@h/db"
    assert config.database_url("postgresql+psycopg://u@h/db", "/x") == "postgresql+psycopg://u@h/db"


def test_secret_key_written_once_to_instance_config(tmp_path, monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    config.ensure_secret_key(str(tmp_path))
    first = (tmp_path / "config.py").read_text()
    config.ensure_secret_key(str(tmp_path))
    assert (tmp_path / "config.py").read_text() == first
    assert "SECRET_KEY = '" in first and len(first.split("'")[1]) == 64


def test_environment_overrides_instance_config(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_MAX_CONTENT_LENGTH", "7000")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/env.db")
    monkeypatch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(tmp_path))
    (tmp_path / "config.py").write_text("SECRET_KEY = 'uit-instance'\nMAX_CONTENT_LENGTH = 3\n")
    app = create_app()
    assert app.config["SECRET_KEY"] == "uit-instance"
    assert app.config["MAX_CONTENT_LENGTH"] == 7000
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/env.db"


def test_no_secret_in_repository():
    root = Path(__file__).resolve().parent.parent
    assert not (root / "instance" / "config.py").exists() or \
        "instance/*" in (root / ".gitignore").read_text()


def test_templates_found_in_checkout():
    assert Path(templates_dir(), "base.html").is_file()


def test_packaging_ships_every_package_templates_and_migrations():
    import configparser
    root = Path(__file__).resolve().parent.parent
    cfg = configparser.ConfigParser()
    cfg.read(root / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    on_disk = {".".join(p.parent.relative_to(root).parts)
               for p in (root / "huisvanhetkind").rglob("__init__.py")
               if "migrations" not in p.parts}
    assert on_disk | {"huisvanhetkind.templates"} == listed
    assert "huisvanhetkind.templates = templates" in cfg["options"]["package_dir"]
    assert "migrations/*" in cfg["options.package_data"]["huisvanhetkind"]


def test_absurd_ids_and_dates_are_404_or_400_never_500(wereld, login):
    c = login(wereld.beheerder)
    for url in ("/netwerken/99999999999999999999", f"/netwerken/{2**31}",
                "/organisaties/9223372036854775808", f"/aanbod/{2**31}/bewerken"):
        assert c.get(url).status_code == 404, url
    for url in (f"/netwerken/{wereld.netwerk_x}/erkenning?op=9999-12-31",
                f"/netwerken/{wereld.netwerk_x}/erkenning/dossier?op=9998-02-28"):
        assert c.get(url).status_code in (200, 400), url

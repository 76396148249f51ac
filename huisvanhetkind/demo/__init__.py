"""Demo data for `flask hvk demo`: two fictional networks and one demo user per role."""
from .data_samenwerking import DEMO_USERS
from .loader import DemoResultaat, load_demo

__all__ = ["DEMO_USERS", "DemoResultaat", "load_demo"]

"""Impact pillar dashboard: the domain package (no Streamlit inside)."""

__version__ = "0.1.0"

"""The working database: connection, migrations, named queries, building, backup (no Streamlit)."""

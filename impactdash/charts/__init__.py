"""Plotly builders: a frame in, a finished figure out, one house look (no database, no Streamlit)."""

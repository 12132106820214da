"""What each page says: query frames in, sentences and display tables out (no database, no Streamlit)."""

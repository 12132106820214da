"""Running the dashboard on one machine behind nginx: the launcher and a websocket visitor."""

"""The measures and ambitions: trajectory, status and projection as pure, tested functions."""

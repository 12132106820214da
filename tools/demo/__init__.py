"""The demo data generator: the figures live in ``tools/demo_spec/``, the rules here.

``spec`` reads the TOML files, ``money``, ``buildings``, ``network`` and ``ambitions``
build the facts, ``tables`` turns everything into the CSV tables. The entry point is
``tools/make_demo_data.py``.
"""

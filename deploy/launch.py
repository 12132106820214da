"""Start the dashboard on one machine: nginx in front of N public-only processes and a staff process.

    python deploy/launch.py --processes 2 --port 8080 --staff-port 8081   (or deploy/run.sh 2)

What runs (docs/deploy.md):

- the staff process (``serve.py``, the working database) on ``--backend-port``, started
  first: it builds or migrates the database and repairs the pointer before anyone reads it;
- N public-only processes (``IMPACTDASH_PUBLIC_ONLY=1 serve.py``) on the ports after it,
  each reading only the publication folder;
- nginx (Debian's package, run as this user from a folder of its own) on ``--port`` with
  sticky sessions and websocket upgrade, serving the open data and the light pages itself,
  and the staff instance on ``--staff-port``.

Each process is waited for on its health address (``/_stcore/health``) before the next
step; Ctrl-C or SIGTERM stops them all. ``--render-only`` writes the nginx configuration
and stops (for systemd: deploy/systemd/). ``--check`` asks every process's health once
and exits 0 only if all answer (for a monitor or a cron job).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATE = HERE / "nginx.conf.template"
ROUTE_COOKIE = "impactdash_route"


@dataclass
class Layout:
    """Where everything listens and lives; the one input of the nginx configuration."""

    processes: int
    port: int
    staff_port: int
    backend_port: int
    run_dir: Path
    publications: Path
    listen: str = "127.0.0.1"
    staff_listen: str = "127.0.0.1"
    workers: int = 1

    @property
    def staff_backend(self) -> int:
        """The staff process's own port (loopback only)."""
        return self.backend_port

    @property
    def public_backends(self) -> list[int]:
        """The public-only processes' own ports (loopback only)."""
        return [self.backend_port + 1 + i for i in range(self.processes)]


def _user_line(publications: Path) -> str:
    """Return nginx's user line: as root, run the workers as the folder's owner, not ``nobody``.

    They only need to read the publication folder; started as anyone else, nginx runs as them.
    """
    if os.geteuid() != 0:
        return ""
    import pwd

    owner = publications.stat().st_uid if publications.exists() else 0
    return f"user {pwd.getpwuid(owner).pw_name};\n"


def render(layout: Layout) -> str:
    """Return the nginx configuration for ``layout`` (deploy/nginx.conf.template filled in)."""
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in layout.public_backends
    )
    values = {
        "user": _user_line(layout.publications),
        "workers": str(layout.workers),
        "run_dir": str(layout.run_dir),
        "cookie": ROUTE_COOKIE,
        "public_servers": servers,
        "staff_backend": str(layout.staff_backend),
        "listen": layout.listen,
        "port": str(layout.port),
        "staff_listen": layout.staff_listen,
        "staff_port": str(layout.staff_port),
        "publications": str(layout.publications),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def write_config(layout: Layout) -> Path:
    """Write the nginx configuration and its temporary folders under ``layout.run_dir``; return its path."""
    for sub in ("tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"):
        (layout.run_dir / sub).mkdir(parents=True, exist_ok=True)
    path = layout.run_dir / "nginx.conf"
    path.write_text(render(layout), encoding="utf-8")
    return path


def healthy(port: int, path: str = "/_stcore/health", timeout: float = 2) -> bool:
    """Whether the process on loopback ``port`` answers its health address with 200."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as answer:
            return answer.status == 200
    except OSError:
        return False


def ensure_light_pages(publications: Path) -> Path | None:
    """Write the current publication's light pages if it has none (one published before they existed).

    Returns their folder, or None when nothing is published yet.
    """
    sys.path.insert(0, str(ROOT))
    from impactdash.publish import light_pages, pointer
    from impactdash.report import light

    current = pointer.current(publications)
    if current is None:
        return None
    target = publications / light_pages.light_name(current.id)
    if not target.is_dir():
        light.write(current.path, target, label=current.label, published_at=current.approved_at)
    light_pages.point(publications, pointer.entry_of(current))
    return target


@dataclass
class Deployment:
    """The processes of one machine's deployment; :meth:`start` them, :meth:`stop` them all."""

    layout: Layout
    env: dict[str, str] = field(default_factory=dict)
    staff: bool = True
    nginx: str = field(default_factory=lambda: shutil.which("nginx") or "/usr/sbin/nginx")
    children: list[subprocess.Popen] = field(default_factory=list)

    def _serve(self, port: int, public_only: bool) -> subprocess.Popen:
        env = {
            **os.environ,
            **self.env,
            "IMPACTDASH_PUBLICATIONS": str(self.layout.publications),
            # Believe nginx's X-Forwarded-For (it runs on this machine), nobody else's.
            "IMPACTDASH_TRUSTED_PROXIES": "127.0.0.1",
        }
        if public_only:
            env["IMPACTDASH_PUBLIC_ONLY"] = "1"
        else:
            env.pop("IMPACTDASH_PUBLIC_ONLY", None)
        log = (self.layout.run_dir / f"serve-{port}.log").open("w")
        command = [sys.executable, str(ROOT / "serve.py"), "--server.port", str(port)]
        command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.children.append(child)
        return child

    def _wait(self, ports: list[int], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(ports)
        while waiting:
            if any(child.poll() is not None for child in self.children):
                raise RuntimeError(f"a process stopped while starting; see the logs in {self.layout.run_dir}")
            waiting = [p for p in waiting if not healthy(p, timeout=1)]
            if waiting and time.monotonic() > deadline:
                raise TimeoutError(f"no answer from ports {waiting} after {timeout:.0f} s")
            if waiting:
                time.sleep(0.1)

    def start(self, timeout: float = 60) -> Deployment:
        """Start the staff process, then the public-only processes, then nginx; wait until all answer."""
        self.layout.run_dir.mkdir(parents=True, exist_ok=True)
        ensure_light_pages(self.layout.publications)
        config = write_config(self.layout)
        if self.staff:
            self._serve(self.layout.staff_backend, public_only=False)
            self._wait([self.layout.staff_backend], timeout)
        for port in self.layout.public_backends:
            self._serve(port, public_only=True)
        # -e: nginx writes its start-up errors there, not to /var/log (not ours to write).
        command = [self.nginx, "-p", str(self.layout.run_dir), "-c", str(config)]
        command += ["-e", str(self.layout.run_dir / "error.log"), "-g", "daemon off;"]
        log = (self.layout.run_dir / "nginx.out").open("w")
        self.children.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
        self._wait(self.layout.public_backends, timeout)
        self._wait_nginx(timeout)
        return self

    def _wait_nginx(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not healthy(self.layout.port, "/healthz", timeout=1):
            if self.children[-1].poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((self.layout.run_dir / "error.log").read_text(errors="replace")[-2000:])
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop every process this deployment started (nginx first, so no request meets a dying process)."""
        for child in reversed(self.children):
            if child.poll() is None:
                child.terminate()
        for child in reversed(self.children):
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        self.children.clear()

    def __enter__(self) -> Deployment:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", "-n", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--port", type=int, default=8080, help="the public address's port (nginx)")
    parser.add_argument("--staff-port", type=int, default=8081, help="the staff instance's port (nginx)")
    parser.add_argument("--backend-port", type=int, default=8700, help="first port of the processes")
    parser.add_argument("--listen", default="127.0.0.1", help="address of the public port (0.0.0.0: all)")
    parser.add_argument("--staff-listen", default="127.0.0.1", help="address of the staff port")
    parser.add_argument("--run-dir", type=Path, default=ROOT / "data" / "deploy-run")
    parser.add_argument("--publications", type=Path, help="the publication folder (default: config's)")
    parser.add_argument("--no-staff", action="store_true", help="public processes only (another machine)")
    parser.add_argument("--render-only", action="store_true", help="write nginx.conf and stop")
    parser.add_argument("--check", action="store_true", help="ask every process's health once")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the deployment until Ctrl-C or SIGTERM (or render its configuration, or check it)."""
    args = _arguments(argv)
    sys.path.insert(0, str(ROOT))
    from impactdash import config

    layout = Layout(
        processes=args.processes,
        port=args.port,
        staff_port=args.staff_port,
        backend_port=args.backend_port,
        run_dir=args.run_dir.resolve(),
        publications=(args.publications or config.publications_dir()).resolve(),
        listen=args.listen,
        staff_listen=args.staff_listen,
    )
    if args.render_only:
        layout.run_dir.mkdir(parents=True, exist_ok=True)
        print(write_config(layout))
        return 0
    if args.check:
        ports = ([] if args.no_staff else [layout.staff_backend]) + layout.public_backends
        down = [p for p in ports if not healthy(p)]
        down += [] if healthy(layout.port, "/healthz") else [layout.port]
        print("ok" if not down else f"not answering: {down}")
        return 1 if down else 0
    deployment = Deployment(layout, staff=not args.no_staff)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        deployment.start()
        print(
            f"public: http://{layout.listen}:{layout.port}/  staff: http://{layout.staff_listen}:"
            f"{layout.staff_port}/  ({layout.processes} public processes; logs in {layout.run_dir})",
            flush=True,
        )
        while all(child.poll() is None for child in deployment.children):
            time.sleep(1)
        print("a process stopped; stopping the rest", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        deployment.stop()


if __name__ == "__main__":
    sys.exit(main())

"""The HTTP side every role shares: /healthz and /metrics, on the web role's own server or on a
small one of their own (METRICS_PORT) in polling and worker."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.observability.health import HealthCheck
from bot.observability.metrics import REGISTRY, refresh_from_database

if TYPE_CHECKING:
    from bot.app import Runtime

log = logging.getLogger("bot.observability")
HEALTH_KEY = web.AppKey("health", HealthCheck)
RUNTIME_KEY: web.AppKey[Runtime] = web.AppKey("runtime")


async def healthz(request: web.Request) -> web.Response:
    healthy, report = await request.app[HEALTH_KEY].run()
    return web.json_response(
        {"status": "ok" if healthy else "unhealthy", **report}, status=200 if healthy else 503
    )


async def metrics(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME_KEY]
    try:
        await refresh_from_database(runtime.session_factory, runtime.clock())
    except Exception as exc:  # the process's own counters are still worth reading
        log.warning("metrics: the database could not be read (%s)", type(exc).__name__)
    body = generate_latest(REGISTRY)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def add_routes(app: web.Application, runtime: Runtime) -> None:
    app[RUNTIME_KEY] = runtime
    app[HEALTH_KEY] = HealthCheck(
        runtime.session_factory, runtime.settings.database_url, runtime.redis
    )
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)


async def start_metrics_server(runtime: Runtime) -> web.AppRunner | None:
    """/healthz and /metrics on METRICS_PORT (polling, worker), when it is set."""
    port = runtime.settings.metrics_port
    if port is None:
        return None
    app = web.Application()
    add_routes(app, runtime)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, runtime.settings.web_host, port).start()
    log.info("metrics: /healthz and /metrics on port %d", port)
    return runner

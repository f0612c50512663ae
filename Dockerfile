# The bot's image: one image, every role (`insurance-bot polling|web|worker|migrate|...`).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY dialogs ./dialogs
COPY storage ./storage
COPY tgsandbox ./tgsandbox
COPY locales ./locales
COPY data ./data
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[sentry]"

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 LOG_FORMAT=json WEB_PORT=8080
RUN useradd --create-home --uid 10001 bot
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
USER bot
WORKDIR /home/bot
EXPOSE 8080
# /healthz: the database answers and is migrated, Redis answers (web on WEB_PORT; worker and
# polling on METRICS_PORT, which compose.yaml sets to the same port)
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % (os.environ.get('METRICS_PORT') or os.environ['WEB_PORT']), timeout=4)"
ENTRYPOINT ["insurance-bot"]
CMD ["polling"]

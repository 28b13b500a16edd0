#!/bin/sh
# Container entrypoint for `copydesk serve`. The binary is static
# (CGO_ENABLED=0 go build ./cmd/copydesk) and embeds everything it needs,
# so the image is the binary and this script, for example:
#
#   FROM gcr.io/distroless/static-debian12   # or alpine, for /bin/sh
#   COPY copydesk entrypoint.sh /
#   USER 65532:65532
#   EXPOSE 8080
#   ENTRYPOINT ["/entrypoint.sh"]
#
# (distroless has no shell: there, use
#  ENTRYPOINT ["/copydesk", "serve", "--addr", "0.0.0.0:8080"].)
#
# Inside a container the server must listen on all interfaces; publish the
# port only where it is needed. Configuration comes from the environment:
#   COPYDESK_TOKEN_FILE  bearer token file (mount it as a secret)
#   COPYDESK_CONFIG      .copydesk.yaml to use
#   COPYDESK_TLS_CERT, COPYDESK_TLS_KEY  serve HTTPS
# Extra arguments are passed to `copydesk serve`. `exec` replaces the
# shell, so copydesk is PID 1 and gets the SIGTERM of `docker stop`:
# in-flight requests finish before it exits. Give the container a stop
# timeout above --shutdown-timeout (docker stop -t 35).
# Probes: GET /healthz (liveness), GET /readyz (readiness).
set -eu
set -- serve --addr "${COPYDESK_ADDR:-0.0.0.0:8080}" "$@"
[ -n "${COPYDESK_TOKEN_FILE:-}" ] && set -- "$@" --token-file "$COPYDESK_TOKEN_FILE"
[ -n "${COPYDESK_CONFIG:-}" ] && set -- "$@" --config "$COPYDESK_CONFIG"
[ -n "${COPYDESK_TLS_CERT:-}" ] && set -- "$@" --tls-cert "$COPYDESK_TLS_CERT" --tls-key "${COPYDESK_TLS_KEY:?COPYDESK_TLS_KEY goes with COPYDESK_TLS_CERT}"
exec /copydesk "$@"

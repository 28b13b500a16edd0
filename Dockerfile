# syntax=docker/dockerfile:1
# copydesk in a container: a static binary on a distroless base, run as an
# unprivileged user. Build and try it:
#
#   docker build -t copydesk .
#   docker run --rm -v "$PWD:/work:ro" copydesk score --date 2025-03-05 'testdata/seeds/*.txt'
#
# (quote globs: copydesk expands them inside the container). scripts/docker-test.sh
# builds the image and scores the seeds where a container engine works.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOFLAGS=-buildvcs=false go build -trimpath -ldflags="-s -w" -o /out/copydesk ./cmd/copydesk

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/copydesk /usr/local/bin/copydesk
USER nonroot:nonroot
WORKDIR /work
ENTRYPOINT ["/usr/local/bin/copydesk"]
CMD ["--help"]

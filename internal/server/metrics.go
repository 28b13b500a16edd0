package server

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/copydesk/copydesk/internal/analysis"
)

// metrics are the Prometheus series /metrics exposes, on a registry of the
// server's own (so tests can run many servers in one process).
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec   // route, method, code
	latency  *prometheus.HistogramVec // route
	articles *prometheus.CounterVec   // verdict (pass, warn, fail, error)
	findings *prometheus.CounterVec   // rule
	inFlight prometheus.Gauge
	rejected *prometheus.CounterVec // reason (queue_full, queue_timeout)
	window   prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_http_requests_total", Help: "HTTP requests by route, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "copydesk_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300},
		}, []string{"route"}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_articles_total", Help: "Articles scored, by verdict (error: could not be read).",
		}, []string{"verdict"}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_findings_total", Help: "Findings reported, by rule.",
		}, []string{"rule"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "copydesk_http_in_flight_requests", Help: "Scoring requests being served.",
		}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "copydesk_http_rejected_total", Help: "Scoring requests refused by the concurrency limit, by reason.",
		}, []string{"reason"}),
		window: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "copydesk_window_articles", Help: "Articles a newly scored article is compared with by the checks across articles.",
		}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.articles, m.findings, m.inFlight, m.rejected, m.window,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// article counts one reported article.
func (m *metrics) article(res *analysis.Result) {
	if res.Failed() {
		m.articles.WithLabelValues("error").Inc()
		return
	}
	m.articles.WithLabelValues(string(res.Verdict)).Inc()
	for _, f := range res.Findings {
		m.findings.WithLabelValues(f.Rule).Inc()
	}
}

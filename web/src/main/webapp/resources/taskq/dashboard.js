/*
 * The dashboard's live charts: tasks finished per minute (succeeded / failed) and the latency percentiles of the
 * last hour, drawn with Chart.js and updated from the server-sent events of /api/admin/stream ("snapshot": counts
 * per state and the last hour's throughput). The counts on the page are updated from the same events.
 */
(function () {
    "use strict";

    function label(minute) {
        return new Date(minute).toLocaleTimeString([], {hour: "2-digit", minute: "2-digit"});
    }

    function chart(id, type, datasets, stacked) {
        var canvas = document.getElementById(id);
        return new Chart(canvas, {
            type: type,
            data: {labels: [], datasets: datasets},
            options: {
                animation: false, maintainAspectRatio: false, spanGaps: true,
                scales: {x: {stacked: stacked, ticks: {maxTicksLimit: 12}}, y: {stacked: stacked, beginAtZero: true}},
                plugins: {legend: {position: "bottom"}}
            }
        });
    }

    function update(charts, snapshot) {
        var points = snapshot.throughput.minutes;
        var labels = points.map(function (p) { return label(p.minute); });
        charts.throughput.data.labels = labels;
        charts.throughput.data.datasets[0].data = points.map(function (p) { return p.succeeded; });
        charts.throughput.data.datasets[1].data = points.map(function (p) { return p.failed; });
        charts.latency.data.labels = labels;
        ["p50Ms", "p95Ms", "p99Ms"].forEach(function (key, i) {
            charts.latency.data.datasets[i].data = points.map(function (p) { return p[key]; });
        });
        charts.throughput.update();
        charts.latency.update();
        Object.keys(snapshot.counts).forEach(function (state) {
            document.querySelectorAll('[data-count-state="' + state + '"]').forEach(function (element) {
                element.textContent = snapshot.counts[state];
            });
        });
        document.getElementById("throughput-chart").dataset.updated = new Date().toISOString();
    }

    document.addEventListener("DOMContentLoaded", function () {
        var stream = document.getElementById("dashboard-stream");
        if (!stream || typeof Chart === "undefined" || typeof EventSource === "undefined") {
            return;
        }
        var charts = {
            throughput: chart("throughput-chart", "bar", [
                {label: "succeeded", data: [], backgroundColor: "#198754"},
                {label: "failed", data: [], backgroundColor: "#dc3545"}], true),
            latency: chart("latency-chart", "line", [
                {label: "p50", data: [], borderColor: "#0d6efd", backgroundColor: "#0d6efd"},
                {label: "p95", data: [], borderColor: "#fd7e14", backgroundColor: "#fd7e14"},
                {label: "p99", data: [], borderColor: "#dc3545", backgroundColor: "#dc3545"}], false)
        };
        var events = new EventSource(stream.dataset.url);
        events.addEventListener("snapshot", function (event) {
            update(charts, JSON.parse(event.data));
        });
    });
})();

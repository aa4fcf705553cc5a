/*
 * taskq's page script. A page region marked data-live="true" (the recent-tasks table, an unfinished task's
 * details) is refreshed about once a second through the page's Faces Ajax command script window.taskqRefresh,
 * until the region says it is no longer live. Times in <time datetime> elements are shown in local time.
 * Without JavaScript the pages still work: reloading shows the current states.
 */
(function () {
    "use strict";
    var POLL_MS = 1000;
    var timer = null;

    function localizeTimes() {
        document.querySelectorAll("time[datetime]").forEach(function (time) {
            var at = new Date(time.getAttribute("datetime"));
            if (isNaN(at.getTime())) {
                return;
            }
            time.title = time.getAttribute("datetime");
            if (time.dataset.format === "time") {
                time.textContent = at.toLocaleTimeString();
            } else if (time.dataset.format === "precise") {
                time.textContent = at.toLocaleTimeString([], {hour: "2-digit", minute: "2-digit", second: "2-digit",
                    fractionalSecondDigits: 3});
            } else {
                time.textContent = at.toLocaleString();
            }
        });
    }

    function stop() {
        if (timer !== null) {
            clearTimeout(timer);
            timer = null;
        }
    }

    function schedule() {
        stop();
        if (document.hidden || typeof window.taskqRefresh !== "function"
                || !document.querySelector('[data-live="true"]')) {
            return;
        }
        timer = setTimeout(function () {
            timer = null;
            window.taskqRefresh();
        }, POLL_MS);
    }

    function connectionLost() {
        stop();
        var banner = document.getElementById("taskq-connection-error");
        if (banner) {
            banner.hidden = false;
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        localizeTimes();
        if (window.faces) {
            faces.ajax.addOnEvent(function (data) {
                if (data.status === "success") {
                    localizeTimes();
                    schedule();
                }
            });
            faces.ajax.addOnError(connectionLost);
        }
        document.addEventListener("visibilitychange", schedule);
        schedule();
    });
})();

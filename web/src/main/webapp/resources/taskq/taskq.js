/*
 * taskq's page script. A page region marked data-live="true" (the recent-tasks table, an unfinished task's
 * details) is refreshed through the page's Faces Ajax command script window.taskqRefresh when one of its tasks
 * changes state: the page follows the tasks it shows (the ids in its links, and the page's own ?id=) on the
 * server-sent event stream /api/tasks/events, until the region says it is no longer live. Every SAFETY_MS it is
 * refreshed anyway (progress and log lines are not state changes), and about once a second where the stream cannot
 * be had. Times in <time datetime> elements are shown in local time. Without JavaScript the pages still work:
 * reloading shows the current states.
 */
(function () {
    "use strict";
    var POLL_MS = 1000;
    var SAFETY_MS = 5000;
    var MAX_IDS = 100;
    var TASK_ID = /[?&]id=([0-9a-fA-F-]{36})/;
    var timer = null;
    var stream = null;
    var streamIds = "";
    var streamFailed = false;
    var pending = null;

    /** The application's context path: what precedes Faces' resource path in this script's URL. */
    function contextPath() {
        var script = document.querySelector('script[src*="taskq.js"]');
        var src = script ? new URL(script.src, location.href).pathname : "";
        var at = src.indexOf("/jakarta.faces.resource/");
        return at >= 0 ? src.substring(0, at) : "";
    }

    /** The ids of the tasks the live regions show, and this page's own task. */
    function shownTaskIds() {
        var ids = {};
        var own = TASK_ID.exec(location.search);
        if (own) {
            ids[own[1].toLowerCase()] = true;
        }
        document.querySelectorAll('[data-live="true"] a[href]').forEach(function (link) {
            var match = TASK_ID.exec(link.getAttribute("href"));
            if (match) {
                ids[match[1].toLowerCase()] = true;
            }
        });
        return Object.keys(ids).sort().slice(0, MAX_IDS).join(",");
    }

    function closeStream() {
        if (stream !== null) {
            stream.close();
            stream = null;
            streamIds = "";
        }
    }

    /** A state change arrived: one refresh for the changes of the next moment. */
    function changed() {
        if (pending === null) {
            pending = setTimeout(function () {
                pending = null;
                stop();
                if (typeof window.taskqRefresh === "function") {
                    window.taskqRefresh();
                }
            }, 50);
        }
    }

    /** Follows the shown tasks on the event stream; false when there is none to be had. */
    function follow(ids) {
        if (streamFailed || !window.EventSource || ids === "") {
            closeStream();
            return false;
        }
        if (stream !== null && streamIds === ids) {
            return true;
        }
        closeStream();
        streamIds = ids;
        stream = new EventSource(contextPath() + "/api/tasks/events?ids=" + ids);
        stream.onmessage = changed;
        stream.onerror = function () {
            if (stream !== null && stream.readyState === EventSource.CLOSED) {
                streamFailed = true;
                closeStream();
                schedule();
            }
        };
        return true;
    }

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
            closeStream();
            return;
        }
        var following = follow(shownTaskIds());
        timer = setTimeout(function () {
            timer = null;
            window.taskqRefresh();
        }, following ? SAFETY_MS : POLL_MS);
    }

    function connectionLost() {
        stop();
        closeStream();
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

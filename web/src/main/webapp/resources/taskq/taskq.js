/*
 * taskq's page script. A page region marked data-live="true" is rendered again through the page's Faces Ajax
 * command script window.taskqRefresh while what it shows can still change:
 * - a region that names the unfinished tasks it shows (data-follow="id:STATE id:STATE …") listens to their changes
 *   on the task event stream (GET /api/tasks/events, server-sent events; its address is the body's
 *   data-task-events) and is rendered again as soon as a task's state differs from the one shown, or a running
 *   task reports progress or log lines. Nothing is asked of the server while nothing changes.
 * - any other live region (the dashboard's counts; a region whose store could not be read) is rendered again
 *   about once a second.
 * Times in <time datetime> elements are shown in local time. Without JavaScript the pages still work: reloading
 * shows the current states.
 */
(function () {
    "use strict";
    var POLL_MS = 1000;
    var timer = null;
    var stream = null;        // the EventSource of the followed tasks, and the ids it was opened for
    var streamIds = "";
    var shown = {};           // task id -> the state the page shows
    var refreshing = false;   // a render is under way; another one is due after it when changed is set
    var changed = false;

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

    function stopTimer() {
        if (timer !== null) {
            clearTimeout(timer);
            timer = null;
        }
    }

    function closeStream() {
        if (stream !== null) {
            stream.close();
            stream = null;
            streamIds = "";
        }
    }

    /** Renders the live region again now, or right after the render under way. */
    function refresh() {
        if (typeof window.taskqRefresh !== "function") {
            return;
        }
        if (refreshing) {
            changed = true;
            return;
        }
        refreshing = true;
        changed = false;
        window.taskqRefresh();
    }

    function followed(region) {
        var follow = {};
        (region.dataset.follow || "").split(" ").forEach(function (entry) {
            var colon = entry.lastIndexOf(":");
            if (colon > 0) {
                follow[entry.substring(0, colon)] = entry.substring(colon + 1);
            }
        });
        return follow;
    }

    function onChange(event) {
        var change;
        try {
            change = JSON.parse(event.data);
        } catch (e) {
            return;
        }
        if (event.type === "progress" || shown[change.task_id] !== change.state) {
            refresh();
        }
    }

    function follow(ids) {
        if (stream !== null && streamIds === ids) {
            return;
        }
        closeStream();
        var url = document.body.dataset.taskEvents;
        stream = new EventSource(url + "?ids=" + encodeURIComponent(ids.split(" ").join(",")));
        streamIds = ids;
        stream.onmessage = onChange;
        stream.addEventListener("progress", onChange);
        stream.onerror = function () {
            // the browser reconnects by itself (and the stream then starts with the current states, so that a
            // change made meanwhile is seen); a stream it gave up on leaves the page refreshing by itself
            if (stream !== null && stream.readyState === EventSource.CLOSED) {
                stream = null;
                streamIds = "";
                poll(true);
            }
        };
    }

    function poll(forced) {
        stopTimer();
        if (document.hidden && !forced) {
            return;
        }
        timer = setTimeout(function () {
            timer = null;
            refresh();
        }, POLL_MS);
    }

    /** After the page is shown or a region rendered: follow its tasks, poll, or do nothing when nothing moves. */
    function watch() {
        stopTimer();
        var region = document.querySelector('[data-live="true"]');
        if (!region || typeof window.taskqRefresh !== "function") {
            closeStream();
            return;
        }
        shown = followed(region);
        var ids = Object.keys(shown).sort().join(" ");
        if (ids !== "" && typeof EventSource !== "undefined" && document.body.dataset.taskEvents) {
            follow(ids);
        } else {
            closeStream();
            poll(false);
        }
    }

    function connectionLost() {
        stopTimer();
        closeStream();
        refreshing = false;
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
                    refreshing = false;
                    watch();
                    if (changed) {
                        refresh();
                    }
                }
            });
            faces.ajax.addOnError(connectionLost);
        }
        document.addEventListener("visibilitychange", function () {
            if (stream === null) {
                watch();
            }
        });
        window.addEventListener("pagehide", closeStream);
        watch();
    });
})();

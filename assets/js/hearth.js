// Quick exit. Without this script the link still works; with it, the page
// blanks at once, the current history entry is replaced (so Back does not
// return here), and pressing Shift three times in a row within 5 seconds
// leaves too. Written for old browsers: no arrow functions, no modules.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var presses = [];

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.title = "";
    document.body.innerHTML = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    // Any other key in between starts the count again, so typing capital
    // letters never triggers an exit.
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < 5000;
    });
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  });
})();

// The site menu (a <details> in templates/base.html) is folded on phones only: on wider
// screens, where the browser cannot show a closed <details>' content by CSS, open it.
(function () {
    var menu = document.getElementById("site-menu");
    if (!menu || !window.matchMedia) return;
    var wide = window.matchMedia("(min-width: 48em)");
    function sync() {
        if (wide.matches) menu.open = true;
    }
    sync();
    wide.addEventListener("change", sync);
})();

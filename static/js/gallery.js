// A photo gallery's pictures open large in a dialog, with previous/next and Escape to close.
// Without this script each picture's link opens the large picture itself. The labels come
// from the gallery's data attributes (the page's language).
(function () {
    var galleries = document.querySelectorAll("[data-gallery]");
    if (!galleries.length || typeof HTMLDialogElement !== "function") return;

    function button(className, label) {
        var element = document.createElement("button");
        element.type = "button";
        element.className = "lightbox__button " + className;
        element.textContent = label;
        return element;
    }

    galleries.forEach(function (gallery) {
        var links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__open"));
        if (!links.length) return;
        var dialog = document.createElement("dialog");
        dialog.className = "lightbox";
        dialog.setAttribute("aria-label", gallery.dataset.labelDialog || "");
        var figure = document.createElement("figure");
        figure.className = "lightbox__figure";
        var image = document.createElement("img");
        image.className = "lightbox__image";
        var caption = document.createElement("figcaption");
        caption.className = "lightbox__caption";
        figure.appendChild(image);
        figure.appendChild(caption);
        var controls = document.createElement("div");
        controls.className = "lightbox__controls";
        var previous = button("lightbox__previous", gallery.dataset.labelPrevious || "‹");
        var next = button("lightbox__next", gallery.dataset.labelNext || "›");
        var close = button("lightbox__close", gallery.dataset.labelClose || "×");
        controls.appendChild(previous);
        controls.appendChild(next);
        controls.appendChild(close);
        dialog.appendChild(figure);
        dialog.appendChild(controls);
        gallery.appendChild(dialog);
        var current = 0;

        function show(index) {
            current = (index + links.length) % links.length;
            var link = links[current];
            image.src = link.href;
            image.alt = link.dataset.alt || "";
            image.width = Number(link.dataset.width) || 0;
            image.height = Number(link.dataset.height) || 0;
            var text = link.closest("figure").querySelector("figcaption");
            caption.textContent = text ? text.textContent.trim() : "";
            caption.hidden = !caption.textContent;
        }

        links.forEach(function (link, index) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                show(index);
                dialog.showModal();
            });
        });
        previous.addEventListener("click", function () { show(current - 1); });
        next.addEventListener("click", function () { show(current + 1); });
        close.addEventListener("click", function () { dialog.close(); });
        dialog.addEventListener("keydown", function (event) {
            if (event.key === "ArrowLeft") show(current - 1);
            if (event.key === "ArrowRight") show(current + 1);
        });
        dialog.addEventListener("click", function (event) {
            if (event.target === dialog) dialog.close();  // a click on the backdrop
        });
        dialog.addEventListener("close", function () { links[current].focus(); });
    });
})();

/* Click to load (plugins/embeds): shows each embed card's button and, only when it is
   pressed, puts the provider's player in the card's place. Stores nothing, contacts nobody
   before the click; without JavaScript the card stays a plain link. */
document.querySelectorAll(".embed-consent").forEach(function (line) {
  var button = line.querySelector(".embed-load");
  line.hidden = false;
  button.addEventListener("click", function () {
    var frame = document.createElement("iframe");
    frame.src = button.dataset.embedSrc;
    frame.title = button.dataset.embedTitle;
    frame.className = "embed-player";
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.referrerPolicy = "strict-origin";
    line.parentNode.querySelector(".embed-open").replaceWith(frame);
    button.remove();
    frame.focus();
  });
});

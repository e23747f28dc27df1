// Chancenkarte's print view: the "Drucken" button opens the browser's print dialog. A file of
// its own because the site's Content-Security-Policy allows no inline handlers.
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

// Chancenkarte's Merkliste outside the map's island (which keeps the same list itself): the
// header's count, "Merken" on the offer page, and the selection page /auswahl (adding a
// shared list, removing, sharing, copying a summary, the Familienmappe's note). A file of its
// own because the site's Content-Security-Policy allows no inline scripts.
//
// The list lives in this browser's localStorage only, as comma-separated offer ids (the same
// format as the URL's `angebote` and `app/src/map/selection.rs`). Nothing here sends anything:
// the note for a family is copied from its text area into the hand-out on the page, no more.
(() => {
  'use strict';
  const KEY = 'chancenkarte-merkliste';
  const MAX = 50;

  const parse = (text) => {
    const ids = [];
    for (const part of (text || '').split(',')) {
      if (!/^\s*[0-9]+\s*$/.test(part)) continue;
      const id = Number(part);
      if (id > 0 && Number.isSafeInteger(id) && !ids.includes(id)) ids.push(id);
    }
    return ids.slice(-MAX);
  };
  const read = () => {
    try {
      return parse(window.localStorage.getItem(KEY));
    } catch {
      return [];
    }
  };
  const write = (ids) => {
    try {
      window.localStorage.setItem(KEY, ids.slice(-MAX).join(','));
    } catch {
      // Storage refused (private mode): the page still shows this visit's state.
    }
    showCount();
  };
  const path = (ids) => `/auswahl?angebote=${ids.join(',')}`;

  // The header's link: hidden while the list is empty.
  const showCount = () => {
    const ids = read();
    markControls(ids);
    const link = document.getElementById('merkliste-link');
    const count = document.getElementById('merkliste-anzahl');
    if (!link || !count) return;
    count.textContent = String(ids.length);
    link.href = path(ids);
    link.hidden = ids.length === 0;
  };

  // "Merken" links outside the island (the offer page) show the list and toggle in place.
  const markControls = (ids) => {
    for (const control of document.querySelectorAll('a[data-merken]')) {
      if (control.closest('.explorer')) continue; // the island keeps its own
      control.setAttribute('role', 'button');
      control.setAttribute(
        'aria-pressed',
        String(ids.includes(Number(control.dataset.merken))),
      );
    }
  };
  const toggle = (id) => {
    const ids = read();
    write(ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);
  };
  document.addEventListener('click', (event) => {
    const control = event.target.closest && event.target.closest('a[data-merken]');
    if (!control || event.defaultPrevented || control.closest('.explorer')) return;
    event.preventDefault();
    toggle(Number(control.dataset.merken));
  });
  // A toggle button answers Space as well as Enter: as a click, which the island handles in
  // the map's detail panel and the listener above everywhere else.
  document.addEventListener('keydown', (event) => {
    const control = event.target.closest && event.target.closest('a[data-merken]');
    if (!control || event.key !== ' ') return;
    event.preventDefault();
    control.click();
  });
  // The island says when it changed the list.
  window.addEventListener('merkliste', showCount);
  // Another tab changed it.
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) showCount();
  });

  // Sharing (the phone's share sheet, else the clipboard) and copying, said in the page's
  // status line.
  const say = (text) => {
    const status = document.querySelector('[data-share-status]');
    if (status) status.textContent = text;
  };
  const copy = (text, done) => {
    const status = document.querySelector('[data-share-status]') || { dataset: {} };
    if (!navigator.clipboard) {
      say(status.dataset.failed || '');
      return;
    }
    navigator.clipboard.writeText(text).then(
      () => say(done || status.dataset.copied || ''),
      () => say(status.dataset.failed || ''),
    );
  };
  for (const button of document.querySelectorAll('[data-share]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const url = window.location.origin + button.dataset.share;
      if (navigator.share) {
        navigator.share({ title: button.dataset.shareTitle || document.title, url }).catch(() => {});
      } else {
        copy(url);
      }
    });
  }
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const status = document.querySelector('[data-share-status]');
      copy(button.dataset.copy, status && status.dataset.summaryCopied);
    });
  }

  // The selection page.
  const page = document.querySelector('[data-auswahl]');
  if (page) {
    const shown = parse(page.dataset.auswahl);
    const mine = read();
    const same = shown.length === mine.length && shown.every((id) => mine.includes(id));
    if (page.dataset.hinzu) {
      // "Merken" without the map's script: add, then show the whole list.
      const merged = [...mine, ...shown.filter((id) => !mine.includes(id))];
      write(merged);
      window.location.replace(path(merged.slice(-MAX)));
      return;
    }
    if (!page.dataset.benannt && mine.length > 0) {
      // "/auswahl" alone: this device's list.
      window.location.replace(path(mine));
      return;
    }
    if (!same && shown.length > 0) {
      // A list shared from elsewhere: offered to take over, added to this device's own.
      const sync = page.querySelector('[data-sync]');
      if (sync) {
        sync.hidden = false;
        sync.querySelector('[data-take]').addEventListener('click', () => {
          const merged = [...mine, ...shown.filter((id) => !mine.includes(id))];
          write(merged);
          window.location.assign(path(merged.slice(-MAX)));
        });
      }
    }
    // Removing from the device's own list removes it from storage too, then follows the link.
    for (const link of page.querySelectorAll('[data-entfernen]')) {
      link.addEventListener('click', () => {
        if (same) write(read().filter((id) => id !== Number(link.dataset.entfernen)));
      });
    }
    // The Familienmappe's note: copied into the hand-out on this page, nowhere else.
    const note = document.getElementById('mappe-notiz');
    const printed = document.getElementById('mappe-notiz-druck');
    if (note && printed) {
      const copyNote = () => {
        printed.textContent = note.value;
        printed.hidden = note.value.trim() === '';
      };
      note.addEventListener('input', copyNote);
      copyNote();
    }
  }
  showCount();
})();

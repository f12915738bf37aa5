"use strict";
// Minimal stand-in for the "office-addin-manifest" package under jest (mapped in jest.config.js
// moduleNameMapper). The real package pulls ESM-only dependencies that jest on Node 20 cannot
// load; office-addin-mock only needs the OfficeApp enum from it.
const OfficeApp = Object.freeze({
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
});

module.exports = { OfficeApp };

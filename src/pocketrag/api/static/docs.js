// Starts Swagger UI on /docs (api/docs_page.py); a file, not an inline script, so the
// page's Content-Security-Policy (script-src 'self') allows it.
"use strict";
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
    deepLinking: true,
    validatorUrl: null, // no badge fetched from an outside validator
  });
});

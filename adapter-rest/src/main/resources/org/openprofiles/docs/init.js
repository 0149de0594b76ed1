// The API page: Swagger UI on this server's own description. "Authorize" takes an API token (or a
// JWT of the configured provider); "Try it out" then calls this server with it. No inline script,
// so the page runs under a Content-Security-Policy without 'unsafe-inline'.
window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: false,
  tryItOutEnabled: false,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});

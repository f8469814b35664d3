/**
 * CloudFront Function (viewer request) of the site's default behaviour.
 *
 * Astro builds with `trailingSlash: "always"` and `build.format: "directory"`: a page lives at
 * `/fr/services/index.html` and is linked as `/fr/services/`. The S3 origin has no index documents, so
 * `…/` is rewritten to `…/index.html`; a path without an extension and without the slash is redirected
 * (301) to the slashed form so that relative URLs on the page resolve as Astro expects. Paths with an
 * extension (assets, `/404.html`, Pagefind files) pass unchanged.
 *
 * CloudFront Functions run a restricted JavaScript (runtime 2.0): plain `var`, no modules. The tests
 * evaluate this same source.
 */
export const viewerRequestSource = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === "/") {
    request.uri = uri + "index.html";
    return request;
  }
  var last = uri.substring(uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") !== -1) {
    return request;
  }
  var query = [];
  var params = request.querystring || {};
  for (var key in params) {
    var param = params[key];
    var values = param.multiValue ? param.multiValue : [param];
    for (var i = 0; i < values.length; i++) {
      var value = values[i].value;
      query.push(value === "" ? key : key + "=" + value);
    }
  }
  return {
    statusCode: 301,
    statusDescription: "Moved Permanently",
    headers: {
      location: { value: uri + "/" + (query.length ? "?" + query.join("&") : "") },
      "cache-control": { value: "max-age=3600" }
    }
  };
}
`;

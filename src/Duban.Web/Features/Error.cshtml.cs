using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features;

/// <summary>The page people see for 403, 404, 429 and 500; the status code stays what it was.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;

    public void OnGet([FromRoute] int code) => Show(code);

    // A re-executed form may carry a field named "code" (the authenticator step does): the route decides.
    public void OnPost([FromRoute] int code) => Show(code);

    private void Show(int code)
    {
        // A use case refused by the permission table arrives here as an exception, on the 500 path.
        var denied = NotPermittedHandler.Denied(HttpContext);
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is Domain.Access.NotPermittedException refused)
        {
            code = 403;
            denied = refused.Permission;
        }

        Code = code;
        (Title, Text) = code switch
        {
            403 => (l["AccessDenied.Title"].Value, denied is null ? l["AccessDenied.Text"].Value : NotPermittedHandler.Explain(l, denied)),
            404 => (l["Error.NotFound"].Value, l["Error.NotFoundText"].Value),
            400 => (l["Problem.400"].Value, l["Problem.Antiforgery"].Value),
            429 => (l["Error.TooManyAttempts"].Value, l["Error.TooManyAttemptsText"].Value),
            _ => (l["Problem.500"].Value, l["Error.ServerText"].Value),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
        {
            Response.StatusCode = code;
        }
    }
}

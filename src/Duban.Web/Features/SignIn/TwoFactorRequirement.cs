using System.Security.Claims;
using System.Text;
using Duban.Web.Infrastructure;
using Duban.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Duban.Web.Features.SignIn;

/// <summary>
/// Roles listed in <c>Duban:Security:RequireTwoFactorFor</c> work only in sessions signed in with an
/// authenticator code. Identity marks such a session with the claim amr=mfa; until a person of such a
/// role has one, every page but the set-up page sends them there.
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetupPath = "/Account/TwoFactor";

    /// <summary>Identity's claim of how a session was signed in: "pwd" or "mfa".</summary>
    public const string MethodClaim = "amr";
    public const string WithPassword = "pwd";
    public const string WithTwoFactors = "mfa";

    private static readonly string[] Open = [SetupPath, "/Account/Logout", "/Account/AccessDenied", "/Error", "/culture", "/health"];

    public static bool IsRequired(ClaimsPrincipal user, IEnumerable<string> roles) => roles.Any(user.IsInRole);

    public static bool IsSatisfied(ClaimsPrincipal user, IEnumerable<string> roles) =>
        !IsRequired(user, roles) || user.HasClaim(MethodClaim, WithTwoFactors);

    public static Task EnforceAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.User;
        var roles = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.TwoFactorRoles;
        if (roles.Count == 0 || user.Identity?.IsAuthenticated != true || IsSatisfied(user, roles)
            || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            || context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme == ApiTokenAuthentication.SchemeName)
        {
            // A token's account is checked where the token is read.
            return next();
        }

        if (NotPermittedHandler.IsApi(context) || context.Request.Headers["HX-Request"] == "true")
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect(SetupPath);
        return Task.CompletedTask;
    }
}

/// <summary>What a person types or scans into an authenticator app.</summary>
public static class AuthenticatorKey
{
    private const string Issuer = "督办";

    /// <summary>The base32 key in groups of four, lower case, as it is easiest to type.</summary>
    public static string Format(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth:// URI of Google's key-URI format: TOTP, SHA-1, 6 digits, 30 seconds.</summary>
    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(userName)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The URI as a QR code, drawn as one SVG path of dark modules (with the quiet zone).</summary>
    public static string QrSvg(string uri, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y][x])
                {
                    path.Append(System.Globalization.CultureInfo.InvariantCulture, $"M{x},{y}h1v1h-1z");
                }
            }
        }

        var title = System.Net.WebUtility.HtmlEncode(label);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="220" height="220" shape-rendering="crispEdges" role="img" aria-label="{title}"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>""";
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Duban.Web.Features.SignIn;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Duban.Web.Setup;

/// <summary>
/// Sign-in hardening, configured under <c>Duban:Security</c>. Two sign-in limits, counted per minute:
/// each client address may try 10 times and each account name 5 times (0 turns a limit off);
/// the password form, the authenticator-code form and the recovery-code form all count.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Duban:Security";

    public int SignInAttemptsPerMinutePerClient { get; set; } = 10;

    public int SignInAttemptsPerMinutePerName { get; set; } = 5;

    /// <summary>Roles whose holders must sign in with an authenticator app, e.g. "SystemAdmin,SupervisionOffice".</summary>
    public string RequireTwoFactorFor { get; set; } = string.Empty;

    /// <summary>SameAsRequest (default: secure cookies whenever the request, as forwarded by the proxy, is HTTPS) or Always.</summary>
    public CookieSecurePolicy CookieSecurePolicy { get; set; } = CookieSecurePolicy.SameAsRequest;

    public IReadOnlyList<string> TwoFactorRoles =>
        RequireTwoFactorFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class SecuritySetup
{
    private static readonly string[] SignInForms = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    public static void AddDubanSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        var security = config.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(config.GetSection(SecurityOptions.Section));

        services.AddScoped<IPasswordValidator<Data.Account>, CommonPasswordValidator>();

        services.ConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = security.CookieSecurePolicy);
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = TwoFactorCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = security.CookieSecurePolicy);

        // Behind nginx the app sees the proxy's address; the client's comes in X-Forwarded-For, and is
        // believed only from the proxies named here (loopback is always trusted).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in config.GetSection("Duban:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in config.GetSection("Duban:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                    PerMinute(IsSignInAttempt(ctx) ? "client:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown") : null, security.SignInAttemptsPerMinutePerClient)),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                    PerMinute(IsSignInAttempt(ctx) ? AttemptedName(ctx) : null, security.SignInAttemptsPerMinutePerName)));
            o.OnRejected = (context, _) =>
            {
                // The status code pages answer with the 429 page in the person's language.
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>First in the pipeline: from here on the client's address and scheme are the real ones.</summary>
    public static void UseForwardedClient(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
    }

    /// <summary>The sign-in limits; the form is read first so that the account name can key a limit.</summary>
    public static void UseSignInLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(IsSignInAttempt, forms => forms.Use(async (ctx, next) =>
        {
            if (ctx.Request.HasFormContentType)
            {
                try
                {
                    await ctx.Request.ReadFormAsync(ctx.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed form is limited per client only; antiforgery refuses it after.
                }
            }

            await next();
        }));
        app.UseRateLimiter();
    }

    /// <summary>After authentication: a person whose role requires two factors and who has not used them is sent to set them up.</summary>
    public static void UseTwoFactorRequirement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(TwoFactorRequirement.EnforceAsync);
    }

    private static bool IsSignInAttempt(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method) && SignInForms.Any(f => ctx.Request.Path.Equals(f, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The password form names its account; the code forms belong to the sign-in in progress,
    /// which Identity keeps in a cookie of its own.
    /// </summary>
    private static string? AttemptedName(HttpContext ctx)
    {
        if (ctx.Request.Path.Equals(SignInForms[0], StringComparison.OrdinalIgnoreCase))
        {
            // The form as read before the limiter; never read here (the partitioner cannot wait for the body).
            var name = ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IFormFeature>()?.Form?["UserName"].ToString().Trim() ?? string.Empty;
            return name.Length == 0 ? null : "name:" + (name.Length > 256 ? name[..256] : name).ToUpperInvariant();
        }

        var pending = ctx.Request.Cookies[TwoFactorCookie];
        return pending is null ? null : "pending:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(pending)));
    }

    private const string TwoFactorCookie = "duban.2fa";

    private static RateLimitPartition<string> PerMinute(string? key, int limit) =>
        key is null || limit <= 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}

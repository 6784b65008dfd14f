using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Duban.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Duban.Web.Infrastructure;

/// <summary>
/// Bearer tokens for API clients, accepted on /api only. A token is "dbn_" plus 32 random bytes; only its
/// SHA-256 is stored, so a leaked database does not leak working tokens. Each request costs one query (the
/// token, its account and the account's unit path: revoked, expired and locked out take effect at once);
/// the claims built from the account are kept for a minute under the account's concurrency stamp, which
/// Identity renews on every change to the account or its roles (docs/decisions/0008). Tokens expire at the
/// time chosen when they were made (90 days unless chosen otherwise, at most 365); one made before tokens
/// had an expiry lives 365 days from its making.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DubanDb db,
    SignInManager<Account> signIn,
    IMemoryCache cache,
    TimeProvider clock,
    IOptions<Setup.SecurityOptions> security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "dbn_";
    public const int DefaultDays = 90;
    public const int MaxDays = 365;

    public static string NewToken() => TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = HashOf(token);
        var oldest = now.AddDays(-MaxDays);
        var found = await db.ApiTokens
            .Where(t => t.Hash == hash && t.RevokedAt == null && (t.ExpiresAt != null ? t.ExpiresAt > now : t.CreatedAt > oldest))
            .Join(db.Users.IgnoreQueryFilters(), t => t.AccountId, a => a.Id, (t, a) => new
            {
                t.Id,
                t.AccountId,
                t.LastUsedAt,
                a.LockoutEnd,
                a.ConcurrencyStamp,
                a.TwoFactorEnabled,
                a.UnitId,
                UnitPath = db.Units.IgnoreQueryFilters().Where(u => u.Id == a.UnitId).Select(u => u.Path).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        if (found.LockoutEnd is { } lockedUntil && lockedUntil > clock.GetUtcNow())
        {
            return AuthenticateResult.Fail("The account is locked or gone.");
        }

        // Touch the token at most every few minutes: reads should not become writes.
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-5))
        {
            await db.ApiTokens.Where(t => t.Id == found.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var key = $"api-principal:{found.AccountId}:{found.ConcurrencyStamp}";
        if (!cache.TryGetValue(key, out System.Security.Claims.ClaimsPrincipal? principal) || principal is null)
        {
            var account = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == found.AccountId, Context.RequestAborted);
            if (account is null)
            {
                return AuthenticateResult.Fail("The account is locked or gone.");
            }

            principal = await signIn.CreateUserPrincipalAsync(account);
            cache.Set(key, principal, TimeSpan.FromMinutes(1));
        }

        // A role that must sign in with two factors gets no token access until the person has set them up.
        if (!found.TwoFactorEnabled && security.Value.TwoFactorRoles.Any(principal.IsInRole))
        {
            return AuthenticateResult.Fail("Two-factor sign-in is required for this account.");
        }

        // The unit's place in the tree, read in the same query, spares the scope a query of its own.
        if (found.UnitId is { } unitId && found.UnitPath is { } path)
        {
            ScopeAccessor.RememberUnitPath(Context, unitId, path);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal.Clone(), SchemeName));
    }
    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Claims;
using Duban.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Infrastructure;

/// <summary>
/// Sessions end when the account changes under them. A change that matters (locked, password reset,
/// roles, unit, person) renews the account's security stamp and revokes its API tokens; every cookie
/// request compares its stamp with the account's in one query by key.
/// </summary>
public static class Sessions
{
    /// <summary>
    /// The cookie's OnValidatePrincipal. Identity's SecurityStampValidator would rebuild the principal and
    /// reissue the cookie whenever it checks; this reads two columns and either keeps the cookie or ends it.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var http = context.HttpContext;
        var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampType);
        var accountId = principal?.AccountId();
        if (accountId is null || stamp is null)
        {
            await RejectAsync(context);
            return;
        }

        var db = http.RequestServices.GetRequiredService<DubanDb>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = await db.Users.IgnoreQueryFilters()
            .Where(a => a.Id == accountId)
            .Select(a => new
            {
                a.SecurityStamp,
                a.LockoutEnd,
                a.UnitId,
                UnitPath = db.Units.IgnoreQueryFilters().Where(u => u.Id == a.UnitId).Select(u => u.Path).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (account is null || account.SecurityStamp != stamp || account.LockoutEnd > now)
        {
            await RejectAsync(context);
            return;
        }

        // The unit's place in the tree, read in the same query, spares the scope a query of its own.
        if (account.UnitId is { } unitId && account.UnitPath is { } path && principal!.UnitId() == unitId)
        {
            ScopeAccessor.RememberUnitPath(http, unitId, path);
        }
    }

    /// <summary>Ends every cookie session and API token of the account. Call inside the change's transaction.</summary>
    public static async Task EndAsync(UserManager<Account> users, DubanDb db, Account account, DateTime now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(account);
        var stamped = await users.UpdateSecurityStampAsync(account);
        if (!stamped.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", stamped.Errors.Select(e => e.Description)));
        }

        var live = await db.ApiTokens.Where(t => t.AccountId == account.Id && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in live)
        {
            token.RevokedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

using System.Globalization;
using System.Security.Claims;
using Duban.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Infrastructure;

/// <summary>Puts the account's region, unit, person and region time zone into its sign-in.</summary>
public sealed class DubanClaimsFactory(
    UserManager<Account> users,
    RoleManager<Role> roles,
    IOptions<IdentityOptions> options,
    DubanDb db)
    : UserClaimsPrincipalFactory<Account, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        var timeZone = await db.Regions.IgnoreQueryFilters()
            .Where(r => r.Id == user.RegionId)
            .Select(r => r.TimeZoneId)
            .FirstAsync();
        identity.AddClaim(new Claim(DubanClaims.Region, user.RegionId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DubanClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(DubanClaims.TimeZone, timeZone));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(DubanClaims.Unit, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.PersonId is { } personId)
        {
            identity.AddClaim(new Claim(DubanClaims.Person, personId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

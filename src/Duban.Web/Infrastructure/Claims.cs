using System.Globalization;
using System.Security.Claims;
using Duban.Domain.Access;

namespace Duban.Web.Infrastructure;

public static class DubanClaims
{
    public const string Region = "duban:region";
    public const string Unit = "duban:unit";
    public const string Person = "duban:person";
    public const string DisplayName = "duban:display";
    public const string TimeZone = "duban:tz";

    public static int? AccountId(this ClaimsPrincipal user) => Int(user, ClaimTypes.NameIdentifier);

    public static int? RegionId(this ClaimsPrincipal user) => Int(user, Region);

    public static int? UnitId(this ClaimsPrincipal user) => Int(user, Unit);

    public static int? PersonId(this ClaimsPrincipal user) => Int(user, Person);

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "?";

    public static string TimeZoneOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(TimeZone) ?? Domain.RegionClock.DefaultTimeZoneId;

    public static bool IsRegionWide(this ClaimsPrincipal user) => Roles.All.Any(r => Roles.IsRegionWide(r) && user.IsInRole(r));

    public static bool CanManageOrganisation(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.SupervisionOffice);

    private static int? Int(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public static class Policies
{
    /// <summary>Accounts and roles: system administrators only.</summary>
    public const string Admin = "Admin";

    /// <summary>Unit tree and people: system administrators and the supervision office.</summary>
    public const string ManageOrganisation = "ManageOrganisation";

    public const string Api = "Api";

    /// <summary>Setting up and deciding work: the supervision office and system administrators.</summary>
    public const string Office = "Office";

    /// <summary>Reading the region's whole audit trail and its chain: auditors only (等保: not the administrator).</summary>
    public const string ReadAudit = "ReadAudit";
}

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

    private static int? Int(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public static class Policies
{
    /// <summary>Any signed-in account; each route adds the permission it needs (<see cref="PermissionEndpoints.Requires"/>).</summary>
    public const string Api = "Api";
}

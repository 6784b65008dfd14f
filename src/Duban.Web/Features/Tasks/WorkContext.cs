using Duban.Domain.Access;
using Duban.Web.Infrastructure;

namespace Duban.Web.Features.Tasks;

/// <summary>The request-scoped facts every work use case needs: scope, role, actor, and the region's clock.</summary>
public sealed class WorkContext(ScopeAccessor scopes, IHttpContextAccessor http, TimeProvider clock)
{
    private System.Security.Claims.ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No request.");

    public Task<AccessScope> ScopeAsync(CancellationToken ct) => scopes.GetAsync(ct);

    /// <summary>The supervision office (and system administrators) set up, edit and decide work.</summary>
    public bool IsOffice => User.IsInRole(Roles.SupervisionOffice) || User.IsInRole(Roles.SystemAdmin);

    public int? AccountId => User.AccountId();

    public string ActorName => User.DisplayNameOf();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(User.TimeZoneOf());

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));
}

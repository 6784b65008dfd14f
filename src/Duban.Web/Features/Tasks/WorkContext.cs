using Duban.Domain.Access;
using Duban.Web.Infrastructure;

namespace Duban.Web.Features.Tasks;

/// <summary>The request-scoped facts every work use case needs: scope, role, actor, and the region's clock.</summary>
public sealed class WorkContext(ScopeAccessor scopes, IHttpContextAccessor http, TimeProvider clock)
{
    private System.Security.Claims.ClaimsPrincipal User => http.HttpContext?.User ?? throw new InvalidOperationException("No request.");

    public Task<AccessScope> ScopeAsync(CancellationToken ct) => scopes.GetAsync(ct);

    /// <summary>Whether the caller's roles grant the permission anywhere (what to offer; the use case checks the item).</summary>
    public bool May(Permission permission) => User.May(permission);

    public int? AccountId => User.AccountId();

    public string ActorName => User.DisplayNameOf();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(User.TimeZoneOf());

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));
}

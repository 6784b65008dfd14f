using Duban.Data;

namespace Duban.Web.Infrastructure;

/// <summary>
/// The actor of a web request is its signed-in account; its region confines every query. A signed-in
/// principal without a region sees nothing (a region id no row has), never every region; only requests
/// nobody has signed in to yet (the sign-in form finding its account by name) look across regions.
/// </summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    /// <summary>Matches no region: ids start at 1.</summary>
    public const int NoRegion = -1;

    private static readonly Actor Anonymous = new(null, "anonymous", null);

    public Actor Current
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true)
            {
                return http.HttpContext is null ? Actor.System : Anonymous;
            }

            return new Actor(user.AccountId(), user.DisplayNameOf(), user.RegionId() ?? NoRegion);
        }
    }
}

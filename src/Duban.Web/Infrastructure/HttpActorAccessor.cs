using Duban.Data;

namespace Duban.Web.Infrastructure;

/// <summary>The actor of a web request is its signed-in account; its region confines every query.</summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
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

            return new Actor(user.AccountId(), user.DisplayNameOf(), user.RegionId());
        }
    }
}

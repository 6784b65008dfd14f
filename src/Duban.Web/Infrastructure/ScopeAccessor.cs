using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Infrastructure;

/// <summary>
/// Works out, once per request, what the signed-in account may see. Every page and endpoint that
/// reads tenant data filters through <see cref="ScopeQueries"/> with this scope; see docs/decisions/0003.
/// </summary>
public sealed class ScopeAccessor(IHttpContextAccessor http, DubanDb db)
{
    private AccessScope? scope;

    private const string UnitPathKey = "duban:unit-path";

    /// <summary>The path of the account's unit, when authentication has just read it (an API token's query does).</summary>
    public static void RememberUnitPath(HttpContext context, int unitId, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[UnitPathKey] = (unitId, path);
    }

    public async Task<AccessScope> GetAsync(CancellationToken cancellationToken = default)
    {
        if (scope is not null)
        {
            return scope;
        }

        var user = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var regionId = user.RegionId() ?? throw new InvalidOperationException("The account has no region.");
        var roles = user.RoleNames();
        if (roles.Any(Roles.IsRegionWide))
        {
            return scope = AccessScope.WholeRegion(regionId, user.PersonId()) with { Roles = roles, AccountId = user.AccountId() };
        }

        var paths = new List<string>();
        if (user.UnitId() is { } unitId)
        {
            if (http.HttpContext!.Items[UnitPathKey] is (int known, string knownPath) && known == unitId)
            {
                return scope = AccessScope.Subtrees(regionId, [knownPath], user.PersonId()) with { Roles = roles, AccountId = user.AccountId() };
            }

            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(cancellationToken);
            if (path is not null)
            {
                paths.Add(path);
            }
        }

        return scope = AccessScope.Subtrees(regionId, paths, user.PersonId()) with { Roles = roles, AccountId = user.AccountId() };
    }
}

public static class ScopeQueries
{
    /// <summary>Units the scope may see: its whole region, or the subtrees of its own units.</summary>
    public static IQueryable<Unit> VisibleTo(this IQueryable<Unit> units, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        units = units.Where(u => u.RegionId == scope.RegionId);
        if (scope.RegionWide)
        {
            return units;
        }

        return scope.UnitPaths.Count switch
        {
            0 => units.Where(_ => false),
            1 => units.Where(u => u.Path.StartsWith(scope.UnitPaths[0])),
            _ => units.Where(u => scope.UnitPaths.Any(p => u.Path.StartsWith(p))),
        };
    }

    /// <summary>People the scope may see: those in visible units, and the person the account acts as.</summary>
    public static IQueryable<Person> VisibleTo(this IQueryable<Person> people, DubanDb db, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        people = people.Where(p => p.RegionId == scope.RegionId);
        if (scope.RegionWide)
        {
            return people;
        }

        var units = db.Units.VisibleTo(scope).Select(u => u.Id);
        return people.Where(p => units.Contains(p.UnitId) || p.Id == scope.PersonId);
    }
}

using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.People;

public static class PeopleQueries
{
    public static IQueryable<Person> Search(DubanDb db, AccessScope scope, int? unitId, string? q)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = db.People.VisibleTo(db, scope).AsNoTracking();
        if (unitId is not null)
        {
            people = people.Where(p => p.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            people = people.Where(p => p.Name.Contains(term) || (p.Title != null && p.Title.Contains(term)) || (p.Phone != null && p.Phone.Contains(term)));
        }

        return people.OrderByDescending(p => p.IsLeader).ThenBy(p => p.UnitId).ThenBy(p => p.Id);
    }
}

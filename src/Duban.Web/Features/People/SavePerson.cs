using System.Net.Mail;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.People;

public sealed record PersonInput
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public int? UnitId { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public bool IsLeader { get; init; }
    public bool IsActive { get; init; } = true;
}

public sealed record PersonDto(int Id, int UnitId, string Name, string? Title, string? Phone, string? Email, bool IsLeader, bool IsActive)
{
    public static PersonDto From(Person p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.UnitId, p.Name, p.Title, p.Phone, p.Email, p.IsLeader, p.IsActive);
    }
}

/// <summary>Creates or changes a person in a unit the actor may see. Used by the page and the API.</summary>
public sealed class SavePerson(DubanDb db, ScopeAccessor scopes, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Person>> RunAsync(int? id, PersonInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await scopes.GetAsync(ct);
        scope.Demand(Permission.ManageOrganisation);
        Person? person = null;
        if (id is not null)
        {
            person = await db.People.VisibleTo(db, scope).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (person is null)
            {
                return Outcome<Person>.NotFound();
            }
        }

        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(nameof(PersonInput.Name), l["Validation.Required"]);
        }
        else if (name.Length > 50)
        {
            errors.Add(nameof(PersonInput.Name), l["Validation.MaxLength", 50]);
        }

        var title = Trimmed(input.Title);
        if (title?.Length > 100)
        {
            errors.Add(nameof(PersonInput.Title), l["Validation.MaxLength", 100]);
        }

        var phone = Trimmed(input.Phone);
        if (phone is not null && (phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')')))
        {
            errors.Add(nameof(PersonInput.Phone), l["Validation.Phone"]);
        }

        var email = Trimmed(input.Email);
        if (email is not null && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
        {
            errors.Add(nameof(PersonInput.Email), l["Validation.Email"]);
        }

        if (input.UnitId is null)
        {
            errors.Add(nameof(PersonInput.UnitId), l["Validation.Required"]);
        }
        else if (!await db.Units.VisibleTo(scope).AnyAsync(u => u.Id == input.UnitId, ct))
        {
            errors.Add(nameof(PersonInput.UnitId), l["Units.NotFound"]);
        }

        if (errors.Any)
        {
            return Outcome<Person>.Invalid(errors);
        }

        if (person is null)
        {
            person = new Person { RegionId = scope.RegionId, Name = name! };
            db.People.Add(person);
        }

        person.Name = name!;
        person.Title = title;
        person.UnitId = input.UnitId!.Value;
        person.Phone = phone;
        person.Email = email;
        person.IsLeader = input.IsLeader;
        person.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);
        return Outcome<Person>.Ok(person);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

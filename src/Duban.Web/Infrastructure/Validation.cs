namespace Duban.Web.Infrastructure;

/// <summary>Field errors in the user's language, keyed by the field name used by both forms and the API.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>The same errors with some fields named as another input names them.</summary>
    public ValidationErrors Renamed(IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var renamed = new ValidationErrors();
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                renamed.Add(names.GetValueOrDefault(field, field), message);
            }
        }

        return renamed;
    }

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void CopyTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : prefix + field, message);
            }
        }
    }
}

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
}

/// <summary>What a use case returns to both its page and its endpoint.</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, ValidationErrors? Errors)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null);

    public static Outcome<T> Invalid(ValidationErrors errors) => new(OutcomeKind.Invalid, default, errors);

    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, null);
}

public static class OutcomeResults
{
    public static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Created<TDto>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.NotFound>
        ToCreated<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map, Func<T, string> location)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(location);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Created(location(outcome.Value!), map(outcome.Value!)),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
            _ => TypedResults.NotFound(),
        };
    }

    public static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<TDto>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Microsoft.AspNetCore.Http.HttpResults.NotFound>
        ToOk<T, TDto>(this Outcome<T> outcome, Func<T, TDto> map)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(map);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Ok(map(outcome.Value!)),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
            _ => TypedResults.NotFound(),
        };
    }
}

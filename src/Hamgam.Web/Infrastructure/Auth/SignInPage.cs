using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace Hamgam.Web.Infrastructure.Auth;

/// <summary>The sign-in form (Persian, right-to-left), protected by an antiforgery token.</summary>
internal static class SignInPage
{
    public static string Render(AntiforgeryTokenSet tokens, bool failed) => $$"""
        <!doctype html>
        <html lang="fa" dir="rtl">
        <head><meta charset="utf-8"><title>ورود به همگام</title>
        <style>body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:28rem;margin:5rem auto;line-height:1.8}
        input,button{font:inherit;padding:.4rem .6rem;width:100%;box-sizing:border-box;margin-top:.5rem}.err{color:#c0392b}</style></head>
        <body><h1>🔄 ورود به همگام</h1>
        {{(failed ? "<p class=\"err\" role=\"alert\">کلید درست نیست. / The key is not valid.</p>" : "")}}
        <form method="post" action="/signin">
        <input type="hidden" name="{{WebUtility.HtmlEncode(tokens.FormFieldName)}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
        <label for="apiKey">کلید API (API key)</label>
        <input id="apiKey" name="apiKey" type="password" autocomplete="current-password" required dir="ltr">
        <button type="submit">ورود</button>
        </form></body></html>
        """;
}

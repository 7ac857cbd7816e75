"""Account URLs, under the language prefix: /<lang>/account/..."""

from django.urls import path

from . import password_views, views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("signup/", views.signup, name="signup"),
    path("signup/adult/", views.signup_adult, name="signup_adult"),
    path("signup/child/", views.signup_child, name="signup_child"),
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", views.SignOutView.as_view(), name="logout"),
    path("data/", views.download_data, name="data"),
    path("delete/", views.delete_account, name="delete"),
    path("deleted/", views.account_deleted, name="deleted"),
    # Forgotten passwords: adults by email, children with their recovery code.
    path("password/reset/", password_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        password_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        password_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/recover/", password_views.recover_password, name="password_recover"),
    path("password/change/", password_views.PasswordChangeView.as_view(), name="password_change"),
    path("recovery-code/", password_views.recovery_code, name="recovery_code"),
]
